using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Contract v2's supplement and lifecycle rules through the real command line and store: what a late supplement,
/// a cancel and an NPAC activation do to an order's TNs, and what reaches the partner and the NPAC desk.
/// </summary>
public class SupplementLifecycleTests
{
    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,PASSCODE,D/TSENT,AUTHNM,DATED,SUP,REMARKS";

    /// <summary>A row of the four-line Minnesota account A1002 (non-simple, passcode 7741).</summary>
    private static string Mn(string pon, string ver, string ddd, string tn, string sup = "", string remarks = "", string mi = "A") =>
        $"ACM,{pon},{ver},ACMW,6001,C,CB,V,{ddd},5035550900,Y,A1002,55401,{tn},{mi},7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23,{sup},\"{remarks}\"";

    private static async Task<IReadOnlyList<Dictionary<string, string>>> Send(CliHarness cli, string name, string received, params string[] rows)
    {
        Assert.Equal(0, await cli.Process("ACME", received, cli.Write(name, Header + "\n" + string.Join('\n', rows) + "\n")));
        return cli.Rows("ACME", name.Replace(".lsr.csv", ".lsr.resp.csv", StringComparison.Ordinal));
    }

    private static IEnumerable<(string, string, string, string, string, string, string)> Key(IEnumerable<Dictionary<string, string>> rows) =>
        rows.Select(r => (r["RESPTYP"], r["PON"], r["VER"], r["LSRNO"], r["TN"], r["CODE"], r["MESSAGE"]));

    [SkippableFact]
    public async Task S2_an_overdue_order_expires_on_a_supplement_exactly_as_the_sweep_would_and_once()
    {
        // Control: the same FOCs, expired by the Monday sweep.
        using var control = await LifecycleTests.FocOnMonday(NewCli());
        Assert.Equal(0, await control.Sweep("2026-03-09T06:00:00-07:00"));
        var swept = control.AllRows("ACME", "sweep-").Where(r => r["PON"] == "EXP-2").ToList();
        var sweptNpac = control.AllRows("npac", "npac-cancel-").Where(r => r["PON"] == "EXP-2").ToList();
        Assert.Equal(2, swept.Count);

        // FOC Monday 2026-03-02, last port day Friday 2026-03-06; a SUP 2 arrives Monday 2026-03-09, before any sweep.
        using var cli = await LifecycleTests.FocOnMonday(NewCli());
        var rows = await Send(cli, "late.lsr.csv", "2026-03-09T08:00:00-06:00", Mn("EXP-2", "01", "2026-03-20", "6125550101", sup: "2"));
        Assert.Equal(("REJ", "R62"), (rows[0]["RESPTYP"], rows[0]["CODE"]));
        Assert.Equal(Key(swept), Key(rows.Skip(1)));
        Assert.Equal(sweptNpac.Select(r => (r["ACTION"], r["TN"], r["NNSP"], r["PON"], r["LSRNO"], r["SPID"])), cli.AllRows("npac", "npac-cancel-").Select(r => (r["ACTION"], r["TN"], r["NNSP"], r["PON"], r["LSRNO"], r["SPID"])));

        // Once: the sweep finds EXP-2 expired already, and a further supplement is a plain R62.
        Assert.Equal(0, await cli.Sweep("2026-03-09T06:00:00-07:00"));
        Assert.DoesNotContain(cli.AllRows("ACME", "sweep-"), r => r["PON"] == "EXP-2");
        var again = await Send(cli, "again.lsr.csv", "2026-03-09T09:00:00-06:00", Mn("EXP-2", "02", "2026-03-20", "6125550101", sup: "2"));
        Assert.Equal("R62", Assert.Single(again)["CODE"]);
        using var store = TestStores.Open(cli.Db, SystemClock.Instance);
        Assert.Equal(2, (await store.Outbox.PendingAsync(Delivery.OutboxKind.Npac, null, CancellationToken.None)).Sum(f => f.Rows.Count(r => r[3] == "EXP-2")));
    }

    [SkippableFact]
    public async Task S3_sup_1_withdraws_the_disconnect_lines_and_keeps_what_the_carrier_asked_to_keep()
    {
        using var cli = NewCli();
        var foc = await Send(
            cli,
            "v0.lsr.csv",
            "2026-03-02T10:00:00-06:00",
            Mn("MN-7", "00", "2026-03-10", "6125550101", remarks: "DISC 612-555-0103; keep 612-555-0104 with Integra", mi: ""),
            Mn("MN-7", "00", "2026-03-10", "6125550102", remarks: "DISC 612-555-0103; keep 612-555-0104 with Integra", mi: ""));
        Assert.Equal([("6125550101", "P"), ("6125550102", "P"), ("6125550103", "D"), ("6125550104", "R")], foc.Select(r => (r["TN"], r["LNA"])));

        var cancel = await Send(cli, "v1.lsr.csv", "2026-03-03T10:00:00-06:00", Mn("MN-7", "01", "", "6125550101", sup: "1"));
        Assert.Equal(["6125550101", "6125550102", "6125550103"], cancel.Select(r => r["TN"]));
        Assert.All(cancel, r => Assert.Equal(("CAN", "C01"), (r["RESPTYP"], r["CODE"])));
    }

    [SkippableFact]
    public async Task S6_supplement_never_reopens_an_activated_tn()
    {
        using var cli = await LifecycleTests.FocOnMonday(NewCli());
        Assert.Equal(0, await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n6125550101,6001,2026-03-02T15:00:00Z\n")));

        // The SUP 2 names only the TN still to port; the ported one stays ported (P), never remains (R).
        var sup = await Send(cli, "sup.lsr.csv", "2026-03-03T10:00:00-06:00", Mn("EXP-2", "01", "2026-03-12", "6125550102", sup: "2"));
        Assert.Contains(sup, r => (r["TN"], r["LNA"], r["DD"]) == ("6125550101", "P", "2026-03-12"));
        using (var store = TestStores.Open(cli.Db, SystemClock.Instance))
        {
            var order = store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "EXP-2").Single();
            Assert.Equal(OrderTnStatus.Activated, store.Orders.Tns(order.Id).Single(t => t.Tn == "6125550101").Status);
        }

        // Not ported in time: only the open TN is canceled, at the partner and in NPAC.
        Assert.Equal(0, await cli.Sweep("2026-03-20T06:00:00-07:00"));
        Assert.Equal(["6125550102"], cli.AllRows("ACME", "sweep-").Where(r => r["PON"] == "EXP-2").Select(r => r["TN"]));
        Assert.Equal(["6125550102"], cli.AllRows("npac", "npac-cancel-").Where(r => r["PON"] == "EXP-2").Select(r => r["TN"]));
    }

    [SkippableFact]
    public async Task An_activation_during_an_expedite_review_is_kept_and_never_canceled()
    {
        // BR-2001 ports 602-555-0101 (NNSP 6101) and disconnects 0102; NPAC shows the port done while the desk reviews.
        using var cli = NewCli();
        Assert.Equal(0, await cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));
        Assert.Equal(0, await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n6025550101,6101,2026-03-02T22:00:00Z\n")));
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", "2026-03-03T09:00:00-07:00", "--approve"));
        Assert.Equal(0, await cli.Sweep("2026-03-20T06:00:00-07:00"));
        Assert.Empty(cli.AllRows("BRIDGE", "sweep-"));
        Assert.Empty(cli.AllRows("npac", "npac-cancel-"));
    }

    [SkippableFact]
    public async Task An_activation_reaches_every_open_order_of_the_new_provider_for_the_tn_whatever_the_case_of_its_spid()
    {
        // Two PONs for one number (a partner's resubmission under a new PON), NNSP written in lower case.
        using var cli = NewCli();
        const string header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
        var file = cli.Write("two.lsr.csv", $"{header}\nACM,TWO-1,00,ACMW,ab12,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,5035550101\nACM,TWO-2,00,ACMW,ab12,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,5035550101\n");
        Assert.Equal(0, await cli.Process("ACME", "2026-03-02T10:00:00-08:00", file));
        Assert.Equal(0, await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n5035550101,AB12,2026-03-04T18:00:00Z\n")));
        Assert.Equal(0, await cli.Sweep("2026-03-20T06:00:00-07:00"));
        Assert.Empty(cli.AllRows("ACME", "sweep-"));
        Assert.Empty(cli.AllRows("npac", "npac-cancel-"));
    }

    [SkippableFact]
    public async Task Expiry_withdraws_the_disconnect_lines_with_the_port()
    {
        using var cli = NewCli();
        await Send(
            cli,
            "v0.lsr.csv",
            "2026-03-02T10:00:00-06:00",
            Mn("MN-8", "00", "2026-03-10", "6125550101", remarks: "DISC 612-555-0103"),
            Mn("MN-8", "00", "2026-03-10", "6125550102", remarks: "DISC 612-555-0103"));
        Assert.Equal(0, await cli.Sweep("2026-03-17T06:00:00-07:00"));
        var cancels = cli.AllRows("ACME", "sweep-").Where(r => r["PON"] == "MN-8").ToList();
        Assert.Equal(["6125550101", "6125550102", "6125550103"], cancels.Select(r => r["TN"]));
        Assert.All(cancels, r => Assert.Equal(("CAN", "E01"), (r["RESPTYP"], r["CODE"])));
        Assert.Equal(["6125550101", "6125550102"], cli.AllRows("npac", "npac-cancel-").Where(r => r["PON"] == "MN-8").Select(r => r["TN"]));
    }

    [SkippableFact]
    public async Task S7_a_version_resent_after_a_later_supplement_gets_its_own_answer_again()
    {
        using var cli = NewCli();
        var v0 = Mn("MN-9", "00", "2026-03-10", "6125550101");
        var first = await Send(cli, "v0.lsr.csv", "2026-03-02T10:00:00-06:00", v0);
        await Send(cli, "v1.lsr.csv", "2026-03-03T10:00:00-06:00", Mn("MN-9", "01", "2026-03-12", "6125550101", sup: "2"));

        // A week later, after VER 01 moved the date: the resent VER 00 is answered as it was, not re-decided.
        var resent = await Send(cli, "v0-again.lsr.csv", "2026-03-09T10:00:00-06:00", v0);
        Assert.Equal(Key(first), Key(resent));
        using var store = TestStores.Open(cli.Db, SystemClock.Instance);
        var order = store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "MN-9").Single();
        Assert.Equal((Storage.StoreFormats.Date("2026-03-12"), "01"), (order.FocDate, order.FocVer));
    }
}
