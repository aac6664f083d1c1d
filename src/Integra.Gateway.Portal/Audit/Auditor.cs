using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Audit;

/// <summary>Writes the audit trail: every administrator action and every sign-in, with the time and the client address.</summary>
public sealed class Auditor(IPortalStore store, TimeProvider time)
{
    /// <summary>The actor of what nobody signed in did (a public form); what it claims to be goes in the detail.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>
    /// Writes the entry without holding a thread while the database does. Not cancelled with the request: the action
    /// it records is done, and a visitor who closes the page must not take its trace out of the trail.
    /// </summary>
    public Task RecordAsync(HttpContext? context, string actor, string? partner, string action, string target, string detail = "") =>
        store.AddAuditAsync(Entry(context, actor, partner, action, target, detail), CancellationToken.None);

    /// <summary>The entry <see cref="RecordAsync"/> writes, for a writer that keeps it later (the API's calls, off the request path).</summary>
    public AuditEntry Entry(HttpContext? context, string actor, string? partner, string action, string target, string detail = "") =>
        new(
            time.GetUtcNow(),
            Clean(actor, 200),
            partner,
            action,
            Clean(target, 200),
            Clean(detail, 500),
            context?.Connection.RemoteIpAddress?.ToString() ?? string.Empty);

    // What a stranger typed (an e-mail at a failed sign-in) is kept short and on one line.
    private static string Clean(string value, int max)
    {
        var line = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return line.Length <= max ? line : line[..max];
    }
}
