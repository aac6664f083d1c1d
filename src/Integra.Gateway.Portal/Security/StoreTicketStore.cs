using System.Security.Cryptography;
using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Integra.Gateway.Portal.Security;

/// <summary>
/// Sign-in sessions kept in the store, not in the cookie: the cookie carries only a random session key (protected
/// by data protection), so signing out, disabling a user or resetting a password ends the session on every gateway
/// instance at once. The store keeps the key's SHA-256, never the key.
/// </summary>
public sealed class StoreTicketStore(IPortalStore store, TimeProvider time) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        store.AddSession(Hash(key), Identity.UserId(ticket.Principal) ?? 0, TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        store.RenewSession(Hash(key), TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(store.FindSession(Hash(key), time.GetUtcNow()) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null);

    public Task RemoveAsync(string key)
    {
        store.RemoveSession(Hash(key));
        return Task.CompletedTask;
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
