using System.Text.Json;
using Integra.Gateway.Configuration;
using Integra.Gateway.Hosting;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Integra.Gateway.Tests;

/// <summary>The Quartz schedule of the daily sweep across both DST changes, and the sweep job in the real host.</summary>
public class SweepScheduleTests
{
    private static readonly TimeZoneInfo Denver = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");

    private static List<DateTimeOffset> Fires(string time, DateTimeOffset from, DateTimeOffset to)
    {
        var settings = new LifecycleSettings { SweepTime = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture) };
        var cron = new CronExpression(settings.CronExpression, Denver);
        var fires = new List<DateTimeOffset>();
        for (var next = cron.GetNextValidTimeAfter(from); next is { } n && n < to; next = cron.GetNextValidTimeAfter(n))
        {
            fires.Add(TimeZoneInfo.ConvertTime(n, Denver));
        }

        return fires;
    }

    [Theory]
    [InlineData("2026-03-05T00:00:00-07:00", "2026-03-11T00:00:00-06:00")] // spring forward Sunday 2026-03-08
    [InlineData("2026-10-29T00:00:00-06:00", "2026-11-04T00:00:00-07:00")] // fall back Sunday 2026-11-01
    public void The_daily_sweep_fires_once_a_day_at_0600_local_across_dst(string from, string to)
    {
        var fires = Fires("06:00", DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(6, fires.Count);
        Assert.All(fires, f => Assert.Equal(new TimeSpan(6, 0, 0), f.TimeOfDay));
        Assert.Equal(fires.Count, fires.Select(f => f.Date).Distinct().Count());
    }

    [Fact]
    public void A_sweep_time_in_the_spring_forward_gap_is_not_fired_twice()
    {
        var fires = Fires("02:30", DateTimeOffset.Parse("2026-03-07T00:00:00-07:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-03-10T00:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(fires.GroupBy(f => f.Date).All(g => g.Count() == 1), string.Join(", ", fires));
    }

    [Fact]
    public void A_sweep_time_in_the_repeated_fall_back_hour_fires_at_most_twice_and_the_sweep_is_idempotent()
    {
        // 01:30 happens twice on 2026-11-01. Whatever Quartz does here, a second sweep on the same day
        // expires nothing more (LifecycleTests.A_second_sweep_cancels_nothing_again); the default 06:00 avoids it.
        var fires = Fires("01:30", DateTimeOffset.Parse("2026-10-31T00:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-03T00:00:00-07:00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(fires.Count(f => f.Date == new DateTime(2026, 11, 1)), 1, 2);
        Assert.Equal(1, fires.Count(f => f.Date == new DateTime(2026, 10, 31)));
        Assert.Equal(1, fires.Count(f => f.Date == new DateTime(2026, 11, 2)));
    }

    [Fact]
    public async Task The_daemon_sweeps_on_start_and_writes_the_npac_outbox()
    {
        using var cli = new CliHarness();
        var file = cli.Write("old.lsr.csv", "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nACM,OLD-1,00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,5035550101\n");
        // FOC 2026-03-04, long expired today; it came through the local drop, so its CAN goes back there.
        cli.Channel = "local";
        Assert.Equal(0, await cli.Process("ACME", "2026-03-02T10:00:00-08:00", file));
        var npacDir = Path.Combine(cli.Dir, "npac");
        var config = new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = cli.Db },
            LocalDrop = new { Enabled = true, Root = Path.Combine(cli.Dir, "drop"), SeedFrom = "", PollInterval = "00:00:00.200", QuietPeriod = "00:00:00" },
            Lifecycle = new { SweepOnStart = true, NpacOutbox = npacDir },
        };
        var configFile = Path.Combine(cli.Dir, "appsettings.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(config));

        using var host = GatewayHost.Build(configFile);
        await host.StartAsync();
        try
        {
            var canFile = Path.Combine(cli.Dir, "drop", "ACME", "out");
            await Eventually.Until(
                () => Directory.Exists(npacDir) && Directory.GetFiles(npacDir, "npac-cancel-*").Length > 0
                    && Directory.Exists(canFile) && Directory.GetFiles(canFile, "sweep-*").Length > 0,
                TimeSpan.FromSeconds(30));

            var npac = Assert.Single(Directory.GetFiles(npacDir, "npac-cancel-*"));
            Assert.Contains("CANCEL,5035550101,6001,OLD-1", await File.ReadAllTextAsync(npac), StringComparison.Ordinal);
            var can = Assert.Single(Directory.GetFiles(canFile, "sweep-*"));
            Assert.Contains("CAN,ACM,OLD-1", await File.ReadAllTextAsync(can), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
