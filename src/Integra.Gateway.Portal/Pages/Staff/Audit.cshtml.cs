using System.Globalization;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Documents;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Portal.Pages.Staff;

/// <summary>
/// The audit trail for staff: pages of <see cref="PageSize"/> entries, newest first, keyset-paged (the "next" link
/// carries the last id shown, so a page never shifts when entries arrive), filtered by actor, partner, action and
/// UTC days. A date that does not parse is a field error, never an exception. The CSV export has every entry.
/// </summary>
public sealed class AuditModel(IPortalStore store) : PortalPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)] public string? Partner { get; set; }

    [BindProperty(SupportsGet = true, Name = "Action")] public string? AuditAction { get; set; }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    /// <summary>The id the "next" link carries; null on the last page.</summary>
    public long? Next { get; private set; }

    /// <summary>Field errors by field name ("From", "To").</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var from = Day(nameof(From), From);
        var to = Day(nameof(To), To);
        if (from is { } f && to is { } t && f > t)
        {
            Problems[nameof(To)] = $"To ({LocalDatePattern.Iso.Format(t)}) is before From ({LocalDatePattern.Iso.Format(f)}).";
        }

        if (Problems.Count > 0)
        {
            return;
        }

        var filter = new AuditFilter(Blank(Actor), Blank(Partner)?.ToUpperInvariant(), Blank(AuditAction), from, to);

        // One more than a page tells whether there is a next page without counting.
        var rows = await store.AuditPageAsync(filter, Before, PageSize + 1, cancellationToken);
        Entries = rows.Take(PageSize).ToList();
        Next = rows.Count > PageSize ? Entries[^1].Id : null;
    }

    /// <summary>The query string of the next page: the same filter, the last id shown.</summary>
    public string NextLink() =>
        "/Staff/Audit?" + string.Join('&', new (string Key, string? Value)[]
            {
                ("Actor", Blank(Actor)), ("Partner", Blank(Partner)), ("Action", Blank(AuditAction)), ("From", Blank(From)), ("To", Blank(To)),
                ("Before", Next?.ToString(CultureInfo.InvariantCulture)),
            }
            .Where(p => p.Value is not null)
            .Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = (await store.AuditAsync(null, int.MaxValue, cancellationToken)).Select(e => (IReadOnlyList<string>)
            [e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Partner ?? string.Empty, e.Action, e.Target, e.Detail, e.Address]);
        return File(CsvDocument.Write(["AT", "ACTOR", "PARTNER", "ACTION", "TARGET", "DETAIL", "ADDRESS"], rows), "text/csv", "portal-audit.csv");
    }

    private LocalDate? Day(string name, string? text)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(value);
        if (!parsed.Success)
        {
            Problems[name] = $"{name} must be a date as yyyy-MM-dd, such as 2026-12-06.";
            return null;
        }

        return parsed.Value;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
