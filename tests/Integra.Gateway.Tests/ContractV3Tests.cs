using Dapper;
using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Contract v3 through the real command line and store, each case of issue 24 with the answer the contract gives:
/// one open order per TN (L19) and its expiry on arrival, the NPAC cancel guard, supplements bound to their order's
/// account (S10), left-out TNs (S11), one PON's versions in VER order (S12), blank VER resends and late activations.
/// </summary>
public class ContractV3Tests
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,PASSCODE,D/TSENT,AUTHNM,DATED,SUP,REMARKS";

    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    /// <summary>A simple port of A1001's one TN (Oregon).</summary>
    private static string Or(string ccna, string pon, string ver, string ddd, string sup = "") =>
        $"{ccna},{pon},{ver},ACMW,6001,C,CB,V,{ddd},5035550900,Y,A1001,97201,5035550101,,,,,,{sup},";

    /// <summary>A row of the four-line Minnesota account A1002 (non-simple, passcode 7741).</summary>
    private static string Mn(string pon, string ver, string ddd, string tn, string sup = "", string remarks = "", string an = "A1002", string zip = "55401") =>
        $"ACM,{pon},{ver},ACMW,6001,C,CB,V,{ddd},5035550900,Y,{an},{zip},{tn},A,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23,{sup},\"{remarks}\"";

    private static async Task<IReadOnlyList<Dictionary<string, string>>> Send(CliHarness cli, string partner, string name, string received, params string[] rows)
    {
        Assert.Equal(0, await cli.Process(partner, received, cli.Write(name, Header + "\n" + string.Join('\n', rows) + "\n")));
        return cli.Rows(partner, name.Replace(".lsr.csv", ".lsr.resp.csv", StringComparison.Ordinal));
    }

    /// <summary>ACME's P1 ports 503-555-0101, FOC Tuesday 2026-03-10 (its last port day is Monday 2026-03-16).</summary>
    private static async Task<CliHarness> P1AtFoc(CliHarness cli)
    {
        var foc = await Send(cli, "ACME", "p1.lsr.csv", "2026-03-02T10:00:00-08:00", Or("ACM", "P1", "00", "2026-03-10"));
        Assert.Equal(("FOC", "2026-03-10"), (foc[0]["RESPTYP"], foc[0]["DD"]));
        return cli;
    }

    private static async Task<List<OutboxFile>> Outbox(CliHarness cli, OutboxKind kind)
    {
        using var store = TestStores.Open(cli.Db, SystemClock.Instance);
        return [.. (await store.Outbox.PendingAsync(kind, null, CancellationToken.None))];
    }

    [SkippableFact]
    public async Task L19_a_second_pon_for_a_tn_at_foc_is_rejected_R26_naming_the_partners_own_order()
    {
        using var cli = await P1AtFoc(NewCli());
        var rows = await Send(cli, "ACME", "p2.lsr.csv", "2026-03-16T10:00:00-07:00", Or("ACM", "P2", "00", "2026-03-20"));
        var reject = Assert.Single(rows);
        Assert.Equal(("REJ", "R26", "TN", "5035550101"), (reject["RESPTYP"], reject["CODE"], reject["FIELD"], reject["TN"]));
        Assert.Contains("PON P1", reject["MESSAGE"], StringComparison.Ordinal);

        // The sweep after P1's last port day cancels P1 in NPAC: no other order ports the TN.
        Assert.Equal(0, await cli.Sweep("2026-03-17T06:00:00-07:00"));
        Assert.Equal(["P1"], cli.AllRows("npac", "npac-cancel-").Select(r => r["PON"]));
    }

    [SkippableFact]
    public async Task L19_another_partners_request_for_a_held_tn_is_rejected_without_the_other_pon()
    {
        using var cli = await P1AtFoc(NewCli());
        var reject = Assert.Single(await Send(cli, "BRIDGE", "b1.lsr.csv", "2026-03-03T10:00:00-08:00", Or("BRG", "BR-1", "00", "2026-03-12")));
        Assert.Equal("R26", reject["CODE"]);
        Assert.DoesNotContain("P1", reject["MESSAGE"], StringComparison.Ordinal);
        Assert.DoesNotContain("IG", reject["MESSAGE"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task L19_an_order_past_its_expiry_expires_on_arrival_and_the_new_order_gets_the_tn()
    {
        using var cli = await P1AtFoc(NewCli());
        var foc = Assert.Single(await Send(cli, "ACME", "p2.lsr.csv", "2026-03-17T10:00:00-07:00", Or("ACM", "P2", "00", "2026-03-20")));
        Assert.Equal(("FOC", "2026-03-20"), (foc["RESPTYP"], foc["DD"]));

        // P1 expired as the sweep would have expired it: CAN E01 on its own channel, and its NPAC cancel.
        var can = Assert.Single((await Outbox(cli, OutboxKind.Response)).SelectMany(f => f.Rows));
        Assert.Equal(("CAN", "P1", "5035550101", "E01"), (can[0], can[2], can[6], can[9]));
        var npac = Assert.Single((await Outbox(cli, OutboxKind.Npac)).SelectMany(f => f.Rows));
        Assert.Equal(("CANCEL", "5035550101", "P1"), (npac[0], npac[1], npac[3]));

        // The sweep that follows finds nothing more, and never cancels the TN P2 now ports.
        Assert.Equal(0, await cli.Sweep("2026-03-18T06:00:00-07:00"));
        Assert.Empty(cli.AllRows("npac", "npac-cancel-"));
        using var store = TestStores.Open(cli.Db, SystemClock.Instance);
        Assert.Equal(Rules.Model.OrderState.Expired, Assert.Single(store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "P1")).State);
        Assert.Equal("P2", Assert.Single((await store.TnHolds.TnHoldersAsync(["5035550101"], CancellationToken.None))).Order.Pon);
    }

    [SkippableFact]
    public async Task The_sweep_writes_no_npac_cancel_for_a_tn_another_open_order_ports()
    {
        // Two open orders on one TN, as an order store from before contract v3 may hold them.
        using var cli = await P1AtFoc(NewCli());
        await Send(cli, "BRIDGE", "b1.lsr.csv", "2026-03-03T10:00:00-08:00", "BRG,BR-1,00,BRGW,6002,C,CB,V,2026-03-20,5035550900,Y,A1004,59601,4065550101,,,,,,,");
        using (var store = TestStores.Open(cli.Db, SystemClock.Instance))
        {
            var br = Assert.Single(store.Orders.FindOrdersByPon("BRIDGE", OrderKind.Lsr, "BR-1"));
            store.Connection.Execute("UPDATE order_tns SET tn = '5035550101' WHERE order_id = @id", new { id = br.Id });
        }

        Assert.Equal(0, await cli.Sweep("2026-03-17T06:00:00-07:00"));
        Assert.Equal([("CAN", "P1", "5035550101", "E01")], cli.AllRows("ACME", "sweep-").Select(r => (r["RESPTYP"], r["PON"], r["TN"], r["CODE"])));
        Assert.Empty(cli.AllRows("npac", "npac-cancel-"));
    }

    [SkippableFact]
    public async Task S10_a_supplement_naming_another_account_is_R63_and_the_order_keeps_its_tns()
    {
        using var cli = NewCli();
        await Send(cli, "ACME", "v0.lsr.csv", "2026-03-02T10:00:00-06:00", [.. new[] { "0101", "0102", "0103", "0104" }.Select(t => Mn("MN-8", "00", "2026-03-10", "612555" + t))]);
        var rows = await Send(cli, "ACME", "v1.lsr.csv", "2026-03-03T10:00:00-06:00", Mn("MN-8", "01", "2026-03-12", "4065550101", sup: "2", an: "A1004", zip: "59601"));
        Assert.Equal(("REJ", "R63", "AN"), (Assert.Single(rows)["RESPTYP"], rows[0]["CODE"], rows[0]["FIELD"]));

        var cancel = await Send(cli, "ACME", "v2.lsr.csv", "2026-03-03T11:00:00-06:00", Mn("MN-8", "02", string.Empty, "4065550101", sup: "1", an: "A1004", zip: "59601"));
        Assert.Equal("R63", Assert.Single(cancel)["CODE"]);
        using var store = TestStores.Open(cli.Db, SystemClock.Instance);
        var order = Assert.Single(store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "MN-8"));
        Assert.Equal(Rules.Model.OrderState.Foc, order.State);
        Assert.Equal(4, store.Orders.Tns(order.Id).Count(t => t.Status == OrderTnStatus.Open));
    }

    [SkippableFact]
    public async Task S11_a_supplement_leaving_out_tns_answers_CAN_C02_and_they_leave_the_order()
    {
        using var cli = NewCli();
        await Send(cli, "ACME", "v0.lsr.csv", "2026-03-02T10:00:00-06:00", Mn("MN-9", "00", "2026-03-10", "6125550101", remarks: "DISC 612-555-0103"), Mn("MN-9", "00", "2026-03-10", "6125550102", remarks: "DISC 612-555-0103"));
        var rows = await Send(cli, "ACME", "v1.lsr.csv", "2026-03-03T10:00:00-06:00", Mn("MN-9", "01", "2026-03-10", "6125550101", sup: "3"));
        Assert.Equal([("6125550102", "C02"), ("6125550103", "C02")], rows.Where(r => r["RESPTYP"] == "CAN").Select(r => (r["TN"], r["CODE"])));
        Assert.Equal(("FOC", "2026-03-10"), (rows[0]["RESPTYP"], rows[0]["DD"]));

        using var store = TestStores.Open(cli.Db, SystemClock.Instance);
        Assert.Equal(["6125550101"], (await store.TnHolds.TnHoldersAsync(["6125550101", "6125550102", "6125550103"], CancellationToken.None)).Select(h => h.Tn));
    }

    [SkippableFact]
    public async Task S12_a_supplement_above_its_initial_request_in_one_file_is_decided_after_it()
    {
        using var cli = NewCli();
        var rows = await Send(cli, "ACME", "both.lsr.csv", "2026-03-02T10:00:00-08:00", Or("ACM", "P1", "01", "2026-03-12", sup: "2"), Or("ACM", "P1", "00", "2026-03-10"));
        Assert.Equal([("FOC", "00", "2026-03-10"), ("FOC", "01", "2026-03-12")], rows.Select(r => (r["RESPTYP"], r["VER"], r["DD"])));
    }

    [SkippableFact]
    public async Task S7_the_same_request_again_with_ver_blank_is_answered_again()
    {
        using var cli = NewCli();
        var first = await Send(cli, "ACME", "a.lsr.csv", "2026-03-02T10:00:00-08:00", Or("ACM", "P1", "00", "2026-03-10"));
        var again = await Send(cli, "ACME", "b.lsr.csv", "2026-03-02T11:00:00-08:00", Or("ACM", "P1", string.Empty, "2026-03-10"));
        Assert.Equal(first.Select(r => string.Join(',', r.Values)), again.Select(r => string.Join(',', r.Values)));
    }

    [SkippableFact]
    public async Task A_late_activation_withdraws_the_undelivered_npac_cancel_and_completes_the_order()
    {
        using var cli = await P1AtFoc(NewCli());
        Assert.Equal(0, await cli.Sweep("2026-03-17T06:00:00-07:00"));
        Assert.Single((await Outbox(cli, OutboxKind.Npac)));

        // Activated on its last port day, imported after the sweep expired it.
        Assert.Equal(0, await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n5035550101,6001,2026-03-16T20:00:00Z\n")));
        Assert.Empty((await Outbox(cli, OutboxKind.Npac)));
        using var store = TestStores.Open(cli.Db, SystemClock.Instance);
        var order = Assert.Single(store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "P1"));
        Assert.Equal(Rules.Model.OrderState.Complete, order.State);
        Assert.Equal(OrderTnStatus.Activated, Assert.Single(store.Orders.Tns(order.Id)).Status);
        Assert.Empty(StatusReport.Read(store, SystemClock.Instance.GetCurrentInstant()).ActivatedAfterCancel);
    }

    [SkippableFact]
    public async Task A_late_activation_after_the_cancel_was_delivered_is_activated_after_cancel_in_status()
    {
        using var cli = await P1AtFoc(NewCli());
        Assert.Equal(0, await cli.Sweep("2026-03-17T06:00:00-07:00"));
        using (var store = TestStores.Open(cli.Db, SystemClock.Instance))
        {
            var outbox = store.Outbox;
            await outbox.MarkDeliveredAsync(Assert.Single((await outbox.PendingAsync(OutboxKind.Npac, null, CancellationToken.None))), CancellationToken.None);
        }

        // Activated before the sweep, imported after the CANCEL went to NPAC: the desk must look.
        Assert.Equal(0, await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n5035550101,6001,2026-03-16T20:00:00Z\n")));
        using var reopened = TestStores.Open(cli.Db, SystemClock.Instance);
        var late = Assert.Single(StatusReport.Read(reopened, SystemClock.Instance.GetCurrentInstant()).ActivatedAfterCancel);
        Assert.Equal(("ACME", "P1", "5035550101"), (late.Partner, late.Pon, late.Tn));

        // An activation after the expiry does not count: the order had already given the TN up.
        using var other = await P1AtFoc(NewCli());
        Assert.Equal(0, await other.Sweep("2026-03-17T06:00:00-07:00"));
        Assert.Equal(0, await other.NpacImport(other.Write("act.csv", "TN,SPID,ACTIVATED\n5035550101,6001,2026-03-18T20:00:00Z\n")));
        using var otherStore = TestStores.Open(other.Db, SystemClock.Instance);
        Assert.Equal(Rules.Model.OrderState.Expired, Assert.Single(otherStore.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "P1")).State);
    }
}
