using Integra.Gateway.Storage.Outbox;

namespace Integra.Gateway.Tests;

/// <summary>Expiry sweep and NPAC activations end to end (SPEC §4 Expiry, §5, §6).</summary>
public class LifecycleTests
{
    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,PASSCODE,D/TSENT,AUTHNM,DATED";

    /// <summary>FOC for Monday 2026-03-02: a simple port of A1001, and a partial port of two of A1002's four TNs.</summary>
    internal static async Task<CliHarness> FocOnMonday(CliHarness cli)
    {
        var file = cli.Write("foc.lsr.csv", $"""
            {Header}
            ACM,EXP-1,00,ACMW,6001,C,CB,V,2026-03-02,5035550900,Y,A1001,97201,5035550101,,,,,
            ACM,EXP-2,00,ACMW,6001,C,CB,V,2026-03-02,5035550900,Y,A1002,55401,6125550101,A,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23
            ACM,EXP-2,00,ACMW,6001,C,CB,V,2026-03-02,5035550900,Y,A1002,55401,6125550102,A,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23

            """);
        Assert.Equal(0, await cli.Process("ACME", "2026-02-24T10:00:00-08:00", file));
        Assert.All(cli.Rows("ACME", "foc.lsr.resp.csv"), r => Assert.Equal(("FOC", "2026-03-02"), (r["RESPTYP"], r["DD"])));
        return cli;
    }

    private Task<CliHarness> FocOnMonday() => FocOnMonday(NewCli());

    [SkippableFact]
    public async Task An_foc_not_ported_is_open_on_friday_and_expired_by_saturdays_sweep()
    {
        using var cli = await FocOnMonday();
        Assert.Equal(0, await cli.Sweep("2026-03-06T21:59:00-08:00")); // 23:59 in Minnesota, the later of the two zones
        Assert.Empty(cli.AllRows("ACME", "sweep-"));

        Assert.Equal(0, await cli.Sweep("2026-03-07T06:00:00-07:00"));
        var cancels = cli.AllRows("ACME", "sweep-");
        Assert.Equal(["5035550101", "6125550101", "6125550102"], cancels.Select(r => r["TN"]).Order());
        Assert.All(cancels, r => Assert.Equal(("CAN", "E01"), (r["RESPTYP"], r["CODE"])));
        var npac = cli.AllRows("npac", "npac-cancel-");
        Assert.Equal(["5035550101", "6125550101", "6125550102"], npac.Select(r => r["TN"]).Order());
        Assert.All(npac, r => Assert.Equal(("CANCEL", "6001"), (r["ACTION"], r["NNSP"])));
        Assert.Contains(npac, r => r["PON"] == "EXP-1" && r["SPID"] == "7001" && r["LSRNO"].StartsWith("IG", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_second_sweep_cancels_nothing_again()
    {
        using var cli = await FocOnMonday();
        await cli.Sweep("2026-03-07T06:00:00-07:00");
        await cli.Sweep("2026-03-08T06:00:00-07:00");
        await cli.Sweep("2026-03-08T06:00:00-07:00");
        Assert.Equal(3, cli.AllRows("ACME", "sweep-").Count);
        Assert.Equal(3, cli.AllRows("npac", "npac-cancel-").Count);
    }

    [SkippableFact]
    public async Task A_tn_activated_on_day_3_keeps_the_order_complete()
    {
        using var cli = await FocOnMonday();
        var activations = cli.Write("act.csv", "TN,SPID,ACTIVATED\n5035550101,6001,2026-03-04T15:00:00Z\n");
        Assert.Equal(0, await cli.NpacImport(activations));
        Assert.Equal(0, await cli.NpacImport(activations)); // again: no change
        await cli.Sweep("2026-03-09T06:00:00-07:00");
        Assert.DoesNotContain(cli.AllRows("ACME", "sweep-"), r => r["PON"] == "EXP-1");
        Assert.Contains(cli.AllRows("ACME", "sweep-"), r => r["PON"] == "EXP-2");
        Assert.Equal(1, await Supplement(cli, "EXP-1")); // complete: a supplement is R62
    }

    [SkippableFact]
    public async Task A_partially_activated_order_cancels_only_the_rest()
    {
        using var cli = await FocOnMonday();
        await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n6125550101,6001,2026-03-03T15:00:00Z\n"));
        await cli.Sweep("2026-03-09T06:00:00-07:00");
        Assert.Equal(["6125550102"], cli.AllRows("ACME", "sweep-").Where(r => r["PON"] == "EXP-2").Select(r => r["TN"]));
        Assert.DoesNotContain(cli.AllRows("npac", "npac-cancel-"), r => r["TN"] == "6125550101");
    }

    [SkippableFact]
    public async Task An_activation_for_another_spid_does_not_complete_the_order()
    {
        using var cli = await FocOnMonday();
        await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n5035550101,9999,2026-03-03T15:00:00Z\n"));
        await cli.Sweep("2026-03-09T06:00:00-07:00");
        Assert.Contains(cli.AllRows("ACME", "sweep-"), r => r["PON"] == "EXP-1");
    }

    [SkippableFact]
    public async Task A_broken_activation_file_exits_1_naming_the_line()
    {
        using var cli = await FocOnMonday();
        Assert.Equal(1, await cli.NpacImport(cli.Write("bad.csv", "TN,SPID,ACTIVATED\n5035550101,6001,yesterday\n")));
    }

    [SkippableFact]
    public async Task A_sweep_whose_copy_fails_still_leaves_each_cancel_for_delivery_exactly_once()
    {
        using var cli = await FocOnMonday();
        Directory.CreateDirectory(cli.Out);
        File.WriteAllText(Path.Combine(cli.Out, "npac"), "not a folder"); // the operator's copy of the NPAC file fails
        Assert.NotEqual(0, await cli.Sweep("2026-03-07T06:00:00-07:00"));
        File.Delete(Path.Combine(cli.Out, "npac"));
        Assert.Equal(0, await cli.Sweep("2026-03-07T07:00:00-07:00")); // nothing more is due

        // The sweep committed its cancels with their deliveries: the daemon delivers them, once.
        using var store = TestStores.Open(cli.Db, NodaTime.SystemClock.Instance);
        var outbox = store.Outbox;
        Assert.Equal(3, (await outbox.PendingAsync(Delivery.OutboxKind.Npac, null, CancellationToken.None)).Sum(f => f.Rows.Count));
        Assert.Equal(3, (await outbox.PendingAsync(Delivery.OutboxKind.Response, "ACME", CancellationToken.None)).Sum(f => f.Rows.Count));
    }

    private static async Task<int> Supplement(CliHarness cli, string pon)
    {
        var file = cli.Write($"sup-{pon}.lsr.csv", $"{Header},SUP\nACM,{pon},01,ACMW,6001,C,CB,V,2026-03-20,5035550900,Y,A1001,97201,5035550101,,,,,,2\n");
        await cli.Process("ACME", "2026-03-09T10:00:00-07:00", file);
        return cli.Rows("ACME", $"sup-{pon}.lsr.resp.csv").Count(r => r["CODE"] == "R62");
    }
}
