using System.Diagnostics;
using System.Text.Json;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Tests.Servers;
using Npgsql;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>More than one gateway instance on one PostgreSQL database (issue #7): the sweep happens once.</summary>
[Collection(Postgres.Name)]
public sealed class ClusterTests(PostgresFixture pg)
{
    private static readonly string[] AllTns = ["5035550101", "6125550101", "6125550102"];

    [SkippableFact]
    public async Task Two_gateway_instances_on_one_postgresql_sweep_exactly_once()
    {
        using var cli = await FocedLongAgo();
        var fireAt = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(10), TimeZoneInfo.FindSystemTimeZoneById("America/Denver"));
        var instances = new[] { "a", "b" }.Select(name => Instance.Start(cli, name, TimeOnly.FromDateTime(fireAt.DateTime))).ToList();
        try
        {
            // Done when the daily trigger has moved on to tomorrow and no fire of it is in flight on any instance.
            Assert.True(
                await Eventually.Until(
                    async () => await Scalar<long>(cli.Db, "SELECT COUNT(*) FROM sweeps") > 0
                        && await Scalar<long>(cli.Db, "SELECT COUNT(*) FROM qrtz_fired_triggers") == 0
                        && await Scalar<long>(cli.Db, "SELECT MIN(next_fire_time) FROM qrtz_triggers WHERE trigger_name = 'expiry-sweep-daily'") > fireAt.AddHours(1).UtcTicks,
                    TimeSpan.FromSeconds(60)),
                string.Join(Environment.NewLine, instances.Select(i => i.Log)));

            Assert.Equal(1, await Scalar<long>(cli.Db, "SELECT COUNT(*) FROM sweeps"));
            Assert.Equal(2, await Scalar<long>(cli.Db, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'integra-gateway'"));
            var npac = instances.SelectMany(i => i.NpacLines()).ToList();
            Assert.Equal(AllTns, npac.Select(l => l.Split(',')[1]).Order());

            // The CAN rows reach the partner's outbound through whichever instance holds ACME's drop lease.
            var outbound = Path.Combine(cli.Dir, "drop", "ACME", "out");
            Assert.True(await Eventually.Until(() => Directory.Exists(outbound) && Directory.GetFiles(outbound, "sweep-*").Length > 0, TimeSpan.FromSeconds(30)));
            var cans = Directory.GetFiles(outbound, "sweep-*").SelectMany(f => File.ReadAllLines(f).Skip(1)).ToList();
            Assert.Equal(AllTns, cans.Select(l => l.Split(',')[6]).Order());
        }
        finally
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }
        }
    }

    [SkippableFact]
    public async Task A_sweep_starting_while_another_is_in_flight_cancels_nothing_twice()
    {
        using var cli = await FocedLongAgo();
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var policy = new Configuration.PolicySettings().ToPolicyOptions();
        var now = SystemClock.Instance.GetCurrentInstant();
        async Task<SweepResult> Sweep(IProgress<(int, int)> progress)
        {
            using var store = TestStores.Open(cli.Db, SystemClock.Instance);
            return await new ExpirySweep(data, policy, store).RunAsync(now, CancellationToken.None, progress);
        }

        // The first sweep has read its candidates and holds them, uncommitted, while a second one starts. The
        // second may not read the same candidates: it waits (bounded here) until the first commits.
        using var secondReadCandidates = new ManualResetEventSlim();
        Task<SweepResult>? second = null;
        var first = await Sweep(new Callback(_ =>
        {
            if (second is null)
            {
                second = Task.Run(() => Sweep(new Callback(_ => secondReadCandidates.Set())));
                secondReadCandidates.Wait(TimeSpan.FromSeconds(2));
            }
        }));
        var results = new[] { first, await second! };

        Assert.Equal(3, results.Sum(r => r.Cancels));
        Assert.Equal(3, await Scalar<long>(cli.Db, "SELECT COUNT(*) FROM outbox WHERE kind = 'NPAC'"));
    }

    /// <summary>Two FOC'd orders (three TNs) from March 2026: long past expiry on any day these tests run.</summary>
    /// <summary>Orders that came through the local drop, which the instances run: their cancels go back there.</summary>
    private Task<CliHarness> FocedLongAgo() => LifecycleTests.FocOnMonday(new CliHarness(pg.NewDatabase()) { Channel = "local" });

    private static async Task<T> Scalar<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Callback(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }

    /// <summary>One <c>integra-gateway run</c> process with its own NPAC outbox folder and log.</summary>
    private sealed class Instance : IDisposable
    {
        private readonly Process _process;
        private readonly string _npac;
        private readonly string _log;

        private Instance(Process process, string npac, string log)
        {
            _process = process;
            _npac = npac;
            _log = log;
        }

        public string Log => File.Exists(_log) ? File.ReadAllText(_log) : string.Empty;

        public static Instance Start(CliHarness cli, string name, TimeOnly sweepAt)
        {
            var npac = Path.Combine(cli.Dir, "npac-" + name);
            var config = new
            {
                Gateway = new { DataDirectory = Repo.SampleData, Database = cli.Db },
                LocalDrop = new { Enabled = true, Root = Path.Combine(cli.Dir, "drop"), SeedFrom = "", PollInterval = "00:00:00.500", QuietPeriod = "00:00:00" },
                Lifecycle = new { SweepOnStart = false, SweepTime = sweepAt.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), NpacOutbox = npac, ClusterCheckin = "00:00:02" },
            };
            var configFile = Path.Combine(cli.Dir, $"appsettings-{name}.json");
            File.WriteAllText(configFile, JsonSerializer.Serialize(config));
            var log = Path.Combine(cli.Dir, $"instance-{name}.log");
            var start = new ProcessStartInfo("bash", ["-c", $"exec dotnet \"$0\" run --config \"$1\" >\"$2\" 2>&1", Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), configFile, log]);
            return new Instance(Process.Start(start)!, npac, log);
        }

        public IEnumerable<string> NpacLines() =>
            Directory.Exists(_npac) ? Directory.GetFiles(_npac, "npac-cancel-*").SelectMany(f => File.ReadAllLines(f).Skip(1)) : [];

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
