using System.Diagnostics;
using System.Globalization;
using Integra.Gateway.Bench.PortalLoad;
using Integra.Gateway.Mail;
using Integra.Gateway.Portal;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage.Api;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integra.Gateway.Bench.ApiLoad;

/// <summary>
/// The partner API under load (issue 28): the portal's Kestrel as <c>run</c> starts it (<see cref="PortalServer.Build"/>
/// with the inbox worker) on 127.0.0.1:0 over a new SQLite store and the sample reference data; CLIENTS partner
/// systems of ACME, each with its own key (LSR, VIEW), each in a loop for SECONDS: an LSR with a new PON, the answers
/// after its cursor, the orders with that PON, that order. The load client runs in this process, on the same cores.
/// </summary>
internal static class ApiLoadBench
{
    public static readonly string[] Calls = ["submit POST", "answers GET", "orders GET", "order GET"];

    /// <param name="postgresServer">A PostgreSQL server's connection string: the store is a new database on it
    /// (dropped after the run) instead of a new SQLite file.</param>
    public static async Task RunAsync(string samples, int clients, int seconds, string? postgresServer = null)
    {
        // The per-key limit is not what is measured here: each client stays far below this one.
        await using var portal = await LoadPortal.StartAsync(samples, "api", postgresServer, s => s.ApiPermits = 1_000_000);
        await RunLoadAsync(portal.Url, portal.Database, portal.DatabaseName, clients, TimeSpan.FromSeconds(seconds), portal.Time);
    }

    private static async Task RunLoadAsync(Uri portal, string database, string databaseName, int count, TimeSpan duration, TimeProvider time)
    {
        var errors = new ApiLoadErrors();
        var accounts = new LoadAccounts();
        var location = new StoreDatabase(database);
        var store = new ApiStore(new UnitOfWorkFactory(location, NodaTime.SystemClock.Instance, new StoreAvailability(location, NullLogger<StoreAvailability>.Instance)));
        var clients = new List<ApiLoadClient>();
        for (var n = 1; n <= count; n++)
        {
            var (keyId, token, hash) = ApiKeySecret.New();
            await store.AddKeyAsync(new NewApiKey("ACME", $"load {n}", keyId, hash, Privileges.Lsr | Privileges.View, "bench@acme.example", time.GetUtcNow(), null), CancellationToken.None);
            clients.Add(new ApiLoadClient(n, portal, token, errors, accounts));
        }

        try
        {
            // Warm-up, untimed: one round of one client (JIT, the pools' first connections).
            await clients[0].RoundAsync(record: false);
            var before = errors.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"api-load: {count} API clients (one key each) for {duration.TotalSeconds:F0} s against {portal} ({databaseName}, {Environment.ProcessorCount} cores)"));
            Console.WriteLine("each client in a loop: POST /api/v1/lsr with a new PON, GET /api/v1/answers after its cursor, GET /api/v1/orders?pon=, GET /api/v1/orders/{id}");
            Console.WriteLine("the load client runs in this process, on the same cores as the portal: the figures include its cost");
            using var stop = new CancellationTokenSource(duration);
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(stop.Token))));
            var elapsed = Stopwatch.GetElapsedTime(started);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"call",-12} {"count",8} {"req/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}"));
            foreach (var call in Calls)
            {
                var all = clients.SelectMany(c => c.Milliseconds[call]).Order().ToArray();
                Console.WriteLine(all.Length == 0
                    ? $"{call,-12} {0,8}"
                    : string.Create(CultureInfo.InvariantCulture, $"{call,-12} {all.Length,8} {all.Length / elapsed.TotalSeconds,8:F1} {Percentile(all, 50),8:F0} {Percentile(all, 90),8:F0} {Percentile(all, 99),8:F0} {all[^1],8:F0}"));
            }

            Console.WriteLine($"answers: {string.Join(", ", clients.SelectMany(c => c.Outcomes).GroupBy(o => o.Key).Select(g => $"{g.Key} {g.Sum(o => o.Value)}"))}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors: {errors.Count - before} (warm-up: {before})"));
            foreach (var error in errors.First)
            {
                Console.WriteLine($"  {error}");
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Nearest rank on sorted values.</summary>
    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
