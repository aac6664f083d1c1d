using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Integra.Gateway.Delivery;
using Integra.Gateway.Intake;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// The customer-protection properties of contract v3 (issue 24) over generated histories of two partners and four
/// PONs sharing one account's TNs: versions of every SUP type with random TNs, disconnect clauses, dates and
/// expedites, expedite reviews, NPAC activations and sweeps, in random order and at random times, through the real
/// processor, review, import and sweep on one SQLite store. Each case has an account of its own (generated
/// reference data), so cases never share a TN. After every step:
/// <list type="bullet">
/// <item>no TN is held by two open orders;</item>
/// <item>no NPAC CANCEL is written for a TN that an open order (other than the one it cancels) ports;</item>
/// <item>no TN leaves an order without a CAN row, an ACTIVATED status, or the order's completion.</item>
/// </list>
/// </summary>
public sealed class OneOrderPerTnPropertyTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,PASSCODE,D/TSENT,AUTHNM,DATED,SUP,EXP,REMARKS";
    private const int Accounts = 12_000;
    private static readonly (string Id, string Ccna, string Nnsp)[] Partners = [("ACME", "ACM", "6001"), ("BRIDGE", "BRG", "6002")];
    private static readonly DateTimeZone Central = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 14, 0);

    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Start);
    private readonly ReferenceData _data;
    private readonly PolicyOptions _options = new();
    private readonly IUnitOfWork _store;
    private readonly RequestFileProcessor _processor;
    private readonly HashSet<long> _outboxSeen = [];
    private int _case;

    public OneOrderPerTnPropertyTests()
    {
        _data = ReferenceDataLoader.Load(GeneratedReference());
        _store = TestStores.Open(_temp.File("property.db"), _clock);
        _processor = new RequestFileProcessor(_data, _options, new IntakeLimits(), _store);
    }

    /// <summary>
    /// One step: Kind 0 a version, 1 an NPAC activation, 2 a sweep, 3 an expedite review. Partner and Pon pick one of
    /// the four orders; TnMask the account's TNs a version ports; Disc the TN its REMARKS disconnects (−1 none).
    /// </summary>
    public sealed record HistoryStep(int Kind, int AdvanceMinutes, int Partner, int Pon, int Sup, int TnMask, int Disc, int DddOffset, bool Expedite, bool Approve);

    private static readonly Gen<HistoryStep> HistorySteps =
        from kind in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from advance in Gen.Choose(0, 3 * 24 * 60)
        from partner in Gen.Choose(0, 1)
        from pon in Gen.Choose(0, 1)
        from sup in Gen.Choose(0, 3)
        from mask in Gen.Choose(1, 15)
        from disc in Gen.Choose(-1, 3)
        from offset in Gen.Choose(-2, 12)
        from expedite in Gen.Elements(true, false)
        from approve in Gen.Elements(true, false)
        select new HistoryStep(kind, advance, partner, pon, sup, mask, disc, offset, expedite, approve);

    private static Arbitrary<(int Start, HistoryStep[] Steps)> Histories =>
        (from start in Gen.Choose(0, 20 * 24 * 60)
         from n in Gen.Choose(2, 6)
         from steps in Gen.ArrayOf(HistorySteps, n)
         select (start, steps)).ToArbitrary();

    [Fact]
    public void L19_no_tn_is_ever_held_by_two_open_orders() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Histories, h => Run(h.Start, h.Steps, NoTnHeldTwice)));

    [Fact]
    public void L19_no_npac_cancel_is_written_for_a_tn_an_open_order_ports() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Histories, h => Run(h.Start, h.Steps, NoCancelOfAPortedTn)));

    [Fact]
    public void S11_no_tn_leaves_an_order_without_a_can_row_or_an_activation() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Histories, h => Run(h.Start, h.Steps, NoTnLeavesSilently)));

    /// <summary>What one step changed: the holds before and after it, and the CAN and NPAC CANCEL rows it produced.</summary>
    private sealed record Change(string Case, HistoryStep HistoryStep, IReadOnlyList<TnHolder> Before, IReadOnlyList<TnHolder> After, IReadOnlyList<string[]> Responses, IReadOnlyList<string[]> NpacCancels);

    private async Task<bool> Run(int startMinutes, HistoryStep[] steps, Action<Change> check)
    {
        var block = _case++;
        var tns = Enumerable.Range(0, 4).Select(j => Tn(block, j)).ToArray();
        _clock.Reset(Start + Duration.FromMinutes(startMinutes));
        var versions = new Dictionary<(int, int), int>();
        foreach (var step in steps)
        {
            _clock.Advance(Duration.FromMinutes(step.AdvanceMinutes));
            var now = _clock.GetCurrentInstant();
            var before = await _store.TnHolds.TnHoldersAsync(tns, CancellationToken.None);
            var responses = step.Kind switch
            {
                0 => await Version(block, tns, step, versions, now),
                1 => await Activate(block, tns, step, now),
                2 => await Sweep(now),
                _ => await Review(block, step, now),
            };
            var (outboxResponses, npac) = await NewOutboxRows();
            check(new Change($"case {block}", step, before, await _store.TnHolds.TnHoldersAsync(tns, CancellationToken.None), [.. responses, .. outboxResponses], npac));
        }

        return true;
    }

    private static void NoTnHeldTwice(Change change)
    {
        foreach (var tn in change.After.GroupBy(h => h.Tn))
        {
            var orders = tn.Select(h => h.Order.Pon + "/" + h.Order.Partner).Distinct().ToList();
            Assert.True(orders.Count == 1, $"{change.Case}: after {change.HistoryStep} TN {tn.Key} is held by {string.Join(", ", orders)}");
        }
    }

    private static void NoCancelOfAPortedTn(Change change)
    {
        // An order that ported the TN before the step and still does after it, other than the one the CANCEL is for.
        var stillPorting = change.Before.Where(h => h.Lna == Lna.Port)
            .Where(h => change.After.Any(a => a.Order.Id == h.Order.Id && a.Tn == h.Tn && a.Lna == Lna.Port))
            .ToList();
        foreach (var cancel in change.NpacCancels)
        {
            var other = stillPorting.FirstOrDefault(h => h.Tn == cancel[1] && h.Order.LsrNo != cancel[4]);
            Assert.True(other is null, $"{change.Case}: after {change.HistoryStep} an NPAC CANCEL for {cancel[1]} (LSRNO {cancel[4]}) while {other?.Order.Pon} ports it");
        }
    }

    private void NoTnLeavesSilently(Change change)
    {
        var canceled = change.Responses.Where(r => r[0] == "CAN").Select(r => (Pon: r[2], Tn: r[6])).ToHashSet();
        foreach (var held in change.Before.Where(b => !change.After.Any(a => a.Order.Id == b.Order.Id && a.Tn == b.Tn)))
        {
            var order = _store.Orders.FindOrder(held.Order.Id)!;
            var activated = _store.Orders.Tns(order.Id).Any(t => t.Tn == held.Tn && t.Status == OrderTnStatus.Activated);
            Assert.True(
                activated || order.State == OrderState.Complete || canceled.Contains((order.Pon, held.Tn)),
                $"{change.Case}: after {change.HistoryStep} TN {held.Tn} left PON {order.Pon} ({order.Partner}, now {order.State}) without a CAN row or an activation");
        }
    }

    private async Task<List<string[]>> Version(int block, string[] tns, HistoryStep step, Dictionary<(int, int), int> versions, Instant now)
    {
        var (partner, ccna, nnsp) = Partners[step.Partner];
        var ver = versions.GetValueOrDefault((step.Partner, step.Pon));
        versions[(step.Partner, step.Pon)] = ver + 1;
        var sup = ver == 0 ? string.Empty : step.Sup switch { 0 => "1", 1 => "2", 2 => "3", _ => string.Empty };
        var ddd = sup == "1" ? string.Empty : now.InZone(Central).Date.PlusDays(step.DddOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var remarks = step.Disc >= 0 ? $"DISC {tns[step.Disc]}" : string.Empty;
        var rows = tns.Where((_, i) => (step.TnMask & (1 << i)) != 0).Select(tn =>
            $"{ccna},{Pon(block, step)},{ver:D2},{ccna}W,{nnsp},C,CB,V,{ddd},5035550900,Y,{An(block)},55401,{tn},A,,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23,{sup},{(step.Expedite ? "Y" : string.Empty)},{remarks}");
        var content = Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows) + "\n");
        using var stream = new MemoryStream(content);
        var outcome = (await _processor.ProcessAsync(new Receipt(_data.Partner(partner)!, Channel.Sftp, now), $"{Pon(block, step)}-{ver}.lsr.csv", stream, content.Length, new DirectoryLoaSource(_temp.Path), CancellationToken.None));
        return [.. outcome.Rows.Select(r => r.Cells())];
    }

    private async Task<List<string[]>> Activate(int block, string[] tns, HistoryStep step, Instant now)
    {
        var file = _temp.File($"act-{block}-{now.ToUnixTimeTicks()}.csv");
        File.WriteAllText(file, "TN,SPID,ACTIVATED\n" + string.Concat(tns.Where((_, i) => (step.TnMask & (1 << i)) != 0).Select(tn => $"{tn},{Partners[step.Partner].Nnsp},{now}\n")));
        await new ActivationImport(_store, _clock).ImportAsync(file, CancellationToken.None);
        return [];
    }

    private async Task<List<string[]>> Sweep(Instant now)
    {
        await new ExpirySweep(_data, _options, _store).RunAsync(now, CancellationToken.None);
        return [];
    }

    private async Task<List<string[]>> Review(int block, HistoryStep step, Instant now)
    {
        var partner = Partners[step.Partner].Id;
        if (!_store.Orders.FindOrdersByPon(partner, OrderKind.Lsr, Pon(block, step)).Any(o => o.State == OrderState.PendingReview))
        {
            return [];
        }

        return [.. (await new ExpediteReview(_data, _options, _store).DecideAsync(partner, Pon(block, step), step.Approve, null, now, CancellationToken.None)).Rows.Select(r => r.Cells())];
    }

    /// <summary>Response and NPAC rows recorded in the outbox since the last look (sweeps, reviews, expiry on arrival, closures).</summary>
    private async Task<(List<string[]> Responses, List<string[]> Npac)> NewOutboxRows()
    {
        var outbox = _store.Outbox;
        async Task<List<string[]>> Fresh(OutboxKind kind) =>
            [.. (await outbox.PendingAsync(kind, null, CancellationToken.None)).SelectMany(f => f.Ids.Zip(f.Rows)).Where(r => _outboxSeen.Add(r.First)).Select(r => r.Second)];
        return (await Fresh(OutboxKind.Response), await Fresh(OutboxKind.Npac));
    }

    private static string Pon(int block, HistoryStep step) => $"B{block}-{Partners[step.Partner].Ccna}-{step.Pon}";

    private static string An(int block) => $"PB{block}";

    private static string Tn(int block, int line) => $"612{600 + (block / 2500)}{((block % 2500 * 4) + line).ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>The shipped reference data with one four-TN Minnesota account (non-simple: MULTI) per case.</summary>
    private string GeneratedReference()
    {
        var dir = _temp.File("reference");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(Repo.SampleData))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        var accounts = new StringBuilder();
        var tns = new StringBuilder();
        for (var block = 0; block < Accounts; block++)
        {
            accounts.Append(CultureInfo.InvariantCulture, $"{An(block)},Eschelon Telecom,MN,55401,,Customer {block},\"{block} Main St, Minneapolis MN\",POTS;MULTI,N,N,\n");
            for (var line = 0; line < 4; line++)
            {
                tns.Append(CultureInfo.InvariantCulture, $"{Tn(block, line)},{An(block)},WORKING\n");
            }
        }

        File.AppendAllText(Path.Combine(dir, "accounts.csv"), accounts.ToString());
        File.AppendAllText(Path.Combine(dir, "tns.csv"), tns.ToString());
        return dir;
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
