using System.Security.Cryptography;
using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Integra.Gateway.Portal.Security;

/// <summary>
/// Sign-in sessions kept in the store, not in the cookie: the cookie carries only a random session key (protected
/// by data protection), so signing out, disabling a user or resetting a password ends the session on every gateway
/// instance at once. The store keeps the key's SHA-256, never the key. The cookie handler asks on every request
/// (<see cref="RetrieveAsync(string, HttpContext, CancellationToken)"/>) with the request's token, and the store
/// answers without holding a thread while the database does.
/// </summary>
public sealed class StoreTicketStore(IPortalStore store, TimeProvider time) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await store.AddSessionAsync(Hash(key), Identity.UserId(ticket.Principal) ?? 0, TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc, cancellationToken);
        return key;
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => StoreAsync(ticket, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        store.RenewSessionAsync(Hash(key), TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => RenewAsync(key, ticket, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        await store.FindSessionAsync(Hash(key), time.GetUtcNow(), cancellationToken) is { } session ? TicketSerializer.Default.Deserialize(session.Ticket) : null;

    /// <summary>
    /// The request's session; its user and the partner's switch, read with it, are kept for the request's
    /// <see cref="SessionCheck"/>, which then needs no read of its own.
    /// </summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (await store.FindSessionAsync(Hash(key), time.GetUtcNow(), cancellationToken) is not { } session)
        {
            return null;
        }

        httpContext.Items[SessionCheck.SessionItem] = session;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => store.RemoveSessionAsync(Hash(key), cancellationToken);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
