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
using Integra.Gateway.Storage.Sessions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// "Nothing ever cancels an ACTIVATED TN" (SPEC §4) over generated histories of one order: versions of every SUP
/// type with random TNs, dates and expedites, NPAC activations, expedite reviews and sweeps, in random order and at
/// random times, through the real processor, sweep, import and review on one SQLite store. After every step: no CAN
/// row and no NPAC CANCEL names a TN that was ACTIVATED before it, no TN is ever un-activated, and every FOC date is
/// a business day not before the local date of the step that produced it.
/// </summary>
public sealed class ActivatedTnPropertyTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,PASSCODE,D/TSENT,AUTHNM,DATED,SUP,EXP,REMARKS";
    private static readonly string[] Tns = ["6125550101", "6125550102", "6125550103", "6125550104"];
    private static readonly string[] Remarks = [string.Empty, "DISC 612-555-0103; keep 612-555-0104", "DISC 6125550104", "port only these", "NOT A PARTIAL PORT"];
    private static readonly DateTimeZone Central = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 14, 0);

    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Start);
    private readonly ReferenceData _data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly PolicyOptions _options = new();
    private readonly IUnitOfWork _store;
    private readonly RequestFileProcessor _processor;
    private int _case;

    public ActivatedTnPropertyTests()
    {
        _store = TestStores.Open(_temp.File("property.db"), _clock);
        _processor = new RequestFileProcessor(_data, _options, new IntakeLimits(), _store);
    }

    /// <summary>One step of an order's life: Kind 0 a version, 1 an NPAC activation, 2 a sweep, 3 an expedite review.</summary>
    public sealed record LifeStep(int Kind, int AdvanceMinutes, int Sup, int TnMask, int DddOffset, bool Expedite, int Remarks, bool Approve);

    private static readonly Gen<LifeStep> LifeSteps =
        from kind in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from advance in Gen.Choose(0, 4 * 24 * 60)
        from sup in Gen.Choose(0, 3)
        from mask in Gen.Choose(1, 15)
        from offset in Gen.Choose(-2, 12)
        from expedite in Gen.Elements(true, false)
        from remarks in Gen.Choose(0, Remarks.Length - 1)
        from approve in Gen.Elements(true, false)
        select new LifeStep(kind, advance, sup, mask, offset, expedite, remarks, approve);

    [Fact]
    public void S6_no_activated_tn_ever_gets_a_can_row_or_an_npac_cancel()
    {
        var histories = (from start in Gen.Choose(0, 20 * 24 * 60)
                         from n in Gen.Choose(2, 10)
                         from steps in Gen.ArrayOf(LifeSteps, n)
                         select (start, steps)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(histories, h => Run(h.start, h.steps)));
    }

    private async Task<bool> Run(int startMinutes, LifeStep[] steps)
    {
        var pon = $"PT-{++_case}";
        _clock.Reset(Start + Duration.FromMinutes(startMinutes));
        var versions = 0;
        foreach (var step in steps)
        {
            _clock.Advance(Duration.FromMinutes(step.AdvanceMinutes));
            var now = _clock.GetCurrentInstant();
            var activatedBefore = Activated(pon);
            var produced = step.Kind switch
            {
                0 => await Version(pon, versions++, step, now),
                1 => await Activate(pon, step, now),
                2 => await Sweep(pon, now),
                _ => await Review(pon, step, now),
            };
            var canceled = produced.Where(r => r.Kind is "CAN" or "CANCEL").Select(r => r.Tn).ToList();
            Assert.False(canceled.Intersect(activatedBefore).Any(), $"{pon}: step {step} canceled activated TN(s) {string.Join(',', canceled.Intersect(activatedBefore))}");
            Assert.True(activatedBefore.IsSubsetOf(Activated(pon)), $"{pon}: step {step} un-activated a TN");
            var today = now.InZone(Central).Date;
            foreach (var foc in produced.Where(r => r.Kind == "FOC"))
            {
                Assert.True(_data.Calendar.IsBusinessDay(foc.Dd!.Value) && foc.Dd >= today, $"{pon}: FOC {foc.Dd} at {now} is not a business day on or after {today}");
            }
        }

        return true;
    }

    private sealed record Produced(string Kind, string Tn, LocalDate? Dd = null);

    private HashSet<string> Activated(string pon) =>
        _store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, pon).SelectMany(o => _store.Orders.Tns(o.Id)).Where(t => t.Status == OrderTnStatus.Activated).Select(t => t.Tn).ToHashSet();

    private async Task<List<Produced>> Version(string pon, int ver, LifeStep step, Instant now)
    {
        var sup = ver == 0 ? string.Empty : step.Sup switch { 0 => "1", 1 => "2", 2 => "3", _ => string.Empty };
        var ddd = sup == "1" ? string.Empty : now.InZone(Central).Date.PlusDays(step.DddOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = Tns.Where((_, i) => (step.TnMask & (1 << i)) != 0).Select(tn =>
            $"ACM,{pon},{ver:D2},ACMW,6001,C,CB,V,{ddd},5035550900,Y,A1002,55401,{tn},A,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23,{sup},{(step.Expedite ? "Y" : string.Empty)},\"{Remarks[step.Remarks]}\"");
        var content = Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows) + "\n");
        using var stream = new MemoryStream(content);
        var outcome = (await _processor.ProcessAsync(new Receipt(_data.Partner("ACME")!, Channel.Sftp, now), $"{pon}-{ver}.lsr.csv", stream, content.Length, new DirectoryLoaSource(_temp.Path), CancellationToken.None));
        var produced = outcome.Rows.Select(r => new Produced(Storage.StoredText.Of(r.RespTyp), r.Tn, r.Dd.Length > 0 ? Storage.StoreFormats.Date(r.Dd) : null)).ToList();
        produced.AddRange((outcome.NpacBatches ?? []).SelectMany(b => b.Rows).Select(r => new Produced("CANCEL", r[1])));
        return produced;
    }

    private async Task<List<Produced>> Activate(string pon, LifeStep step, Instant now)
    {
        var file = _temp.File($"{pon}-act-{now.ToUnixTimeTicks()}.csv");
        var tns = Tns.Where((_, i) => (step.TnMask & (1 << i)) != 0);
        File.WriteAllText(file, "TN,SPID,ACTIVATED\n" + string.Concat(tns.Select(tn => $"{tn},6001,{now}\n")));
        await new ActivationImport(_store, _clock).ImportAsync(file, CancellationToken.None);
        return [];
    }

    private async Task<List<Produced>> Sweep(string pon, Instant now)
    {
        var result = (await new ExpirySweep(_data, _options, _store).RunAsync(now, CancellationToken.None));
        return result.Files.SelectMany(f => f.Kind == OutboxKind.Npac
                ? f.Rows.Where(r => r[3] == pon).Select(r => new Produced("CANCEL", r[1]))
                : f.Rows.Where(r => r[2] == pon).Select(r => new Produced(r[0], r[6])))
            .ToList();
    }

    private async Task<List<Produced>> Review(string pon, LifeStep step, Instant now)
    {
        if (!_store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, pon).Any(o => o.State == OrderState.PendingReview))
        {
            return [];
        }

        var answer = (await new ExpediteReview(_data, _options, _store).DecideAsync("ACME", pon, step.Approve, null, now, CancellationToken.None));
        return answer.Rows.Select(r => new Produced(Storage.StoredText.Of(r.RespTyp), r.Tn, Storage.StoreFormats.Date(r.Dd))).ToList();
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
