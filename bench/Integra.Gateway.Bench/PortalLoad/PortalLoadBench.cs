using System.Diagnostics;
using System.Globalization;
using Integra.Gateway.Mail;
using Integra.Gateway.Portal;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>
/// The portal under load (issue 17): the portal as <c>run</c> starts it (<see cref="PortalServer.Build"/> over the
/// gateway's core container with the portal's order services and inbox worker) on 127.0.0.1:0 over a new SQLite
/// store (or a new database on a PostgreSQL server) and the sample reference data; USERS partner users of ACME with LSR and VIEW, each signed in over HTTP, then
/// each in a loop for SECONDS: the LSR form, its submit with a new PON, the inbox, the answer page, the orders
/// filtered by that PON, the order's page. The load client
/// runs in this process, on the same cores as the portal.
/// </summary>
internal static class PortalLoadBench
{
    private const string Password = "correct horse battery";

    /// <param name="postgresServer">A PostgreSQL server's connection string: the store is a new database on it
    /// (dropped after the run) instead of a new SQLite file.</param>
    public static async Task RunAsync(string samples, int users, int seconds, string? postgresServer = null)
    {
        // All the bench's users come from 127.0.0.1: the per-address throttle of sign-in (issue 26) would stop the
        // 21st; it is not what is measured here.
        await using var portal = await LoadPortal.StartAsync(samples, "portal", postgresServer, s => s.ThrottlePermits = 1_000_000);
        await RunLoadAsync(portal.Url, portal.Accounts, portal.DatabaseName, users, TimeSpan.FromSeconds(seconds), portal.Time);
    }

    private static async Task RunLoadAsync(Uri portal, IPortalStore store, string databaseName, int users, TimeSpan duration, TimeProvider time)
    {
        var errors = new LoadErrors();
        var accounts = new LoadAccounts();
        var clients = Enumerable.Range(1, users).Select(n => new LoadUser(n, portal, errors, accounts)).ToList();
        try
        {
            await AddUsersAsync(store, clients, time);
            var signedIn = await Task.WhenAll(clients.Select(c => c.SignInAsync(Password)));
            if (signedIn.Any(ok => !ok))
            {
                throw new InvalidOperationException($"{signedIn.Count(ok => !ok)} of {users} users could not sign in");
            }

            // Warm-up, untimed: one round of one user (JIT, the pools' first connections, page compilation caches).
            await clients[0].RoundAsync(record: false);
            var before = errors.Count;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portal-load: {users} signed-in partner users for {duration.TotalSeconds:F0} s against {portal} ({databaseName}, {Environment.ProcessorCount} cores)"));
            Console.WriteLine("each user in a loop: GET the LSR form, POST it with a new PON, GET the inbox, the answer page, the orders with that PON, the order's page");
            Console.WriteLine("the load client runs in this process, on the same cores as the portal: the figures include its cost");
            using var stop = new CancellationTokenSource(duration);
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(stop.Token))));
            var elapsed = Stopwatch.GetElapsedTime(started);

            Latencies.Print(clients.Select(c => c.Latencies).ToList(), elapsed, Console.Out);
            var outcomes = clients.SelectMany(c => c.Outcomes).GroupBy(o => o.Key).Select(g => $"{g.Key} {g.Sum(o => o.Value)}");
            Console.WriteLine($"answers: {string.Join(", ", outcomes)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors: {errors.Count - before} (warm-up and sign-in: {before})"));
            foreach (var error in errors.First)
            {
                Console.WriteLine($"  {error}");
            }

            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB (portal and load client)"));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>The users, through the portal's store with real password hashes, as if each had used its first sign-in link.</summary>
    private static async Task AddUsersAsync(IPortalStore store, IEnumerable<LoadUser> clients, TimeProvider time)
    {
        foreach (var client in clients)
        {
            var user = await store.AddUserAsync(new NewPortalUser(client.Email, client.Email.Split('@')[0], PortalRoles.PartnerUser, "ACME", Privileges.Lsr | Privileges.View), time.GetUtcNow(), CancellationToken.None)
                ?? throw new InvalidOperationException($"{client.Email} exists already");
            await store.SetPasswordAsync(user.Id, SignInService.Hash(user, Password), CancellationToken.None);
        }
    }
}
