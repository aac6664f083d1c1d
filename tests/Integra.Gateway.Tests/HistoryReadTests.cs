using System.Text;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// No quadratic paths (issue 18): deciding a request reads a bounded part of its PON's history, however many rows
/// repeat the PON and however many versions it has. Bounded by counting what the store reads back
/// (<see cref="OrderStore.HistoryReads"/>), never by timing.
/// </summary>
public sealed class HistoryReadTests : IDisposable
{
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 3, 2, 18, 0)); // Monday 10:00 Pacific
    private readonly TempDir _temp = new();
    private readonly IUnitOfWork _store;
    private readonly RequestFileProcessor _processor;

    public HistoryReadTests()
    {
        _store = TestStores.Open(_temp.File("gateway.db"), Clock);
        _processor = new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_20000_row_csr_file_repeating_one_pon_and_its_resend_read_each_stored_response_once()
    {
        const int rows = 20_000;
        var file = RepeatedCsr(rows);

        var (first, firstReads, firstResponses) = await Measured(() => Process("loop.csr.csv", file));
        var (again, againReads, againResponses) = await Measured(() => Process("loop.csr.csv", file));

        // A1002 has four working TNs: the first row is answered with four CSR rows, every identical row with the
        // same four again (S7), every fourth row (another INITTEL) with one R70 (S8); sent again, the same answer.
        var answer = first.Rows.Take(4).ToList();
        Assert.All(answer, r => Assert.Equal((Responses.ResponseType.Csr, "A1002"), (r.RespTyp, r.An)));
        Assert.Equal(rows, first.Requests);
        Assert.Equal(rows / 4, first.Rows.Count(r => r.Code == RejectCodes.VersionConflict));
        Assert.Equal((rows - (rows / 4)) * 4, first.Rows.Count(r => r.RespTyp == Responses.ResponseType.Csr));
        Assert.Equal(first.Rows, again.Rows);

        // One look-up per row (the PON's hash) and the stored answer read once per file (one look-up and its rows):
        // the history read grows with the file, not with the file times the answer it repeats.
        Assert.Equal(1, firstResponses);
        Assert.Equal(1, againResponses);
        Assert.InRange(firstReads, 0, rows + 1 + answer.Count);
        Assert.InRange(againReads, 0, rows + 1 + answer.Count);
    }

    [Fact]
    public async Task Each_later_version_of_a_pon_reads_the_same_small_part_of_its_history()
    {
        const int versions = 60;
        var file = ManyVersions(versions);

        var (first, firstReads, _) = await Measured(() => Process("versions.lsr.csv", file));
        var (again, againReads, againResponses) = await Measured(() => Process("versions.lsr.csv", file));

        Assert.Equal(versions, first.Requests);
        Assert.DoesNotContain(first.Rows, r => r.Code == RejectCodes.VersionConflict);
        Assert.Equal(first.Rows, again.Rows);

        // Per later version: the hash of its VER, the latest VER, and the open order's TNs with their activation
        // (S2, S6; one TN here) — never every version before it.
        Assert.InRange(firstReads, 0, 3 * (versions - 1));

        // Sent again, each version is answered from its own stored response, each read once.
        Assert.Equal(versions, againResponses);
        Assert.InRange(againReads, 0, (2 * versions) + versions + again.Rows.Count);
    }

    [Fact]
    public async Task An_activation_import_reads_each_orders_tns_once_not_once_per_activated_tn()
    {
        // A1002's four TNs, all ported.
        var foc = await Process("foc.lsr.csv", """
            CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,PASSCODE,D/TSENT,AUTHNM,DATED
            ACM,ACT-1,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550101,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23
            ACM,ACT-1,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550102,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23
            ACM,ACT-1,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550103,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23
            ACM,ACT-1,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550104,7741,2026-02-24T09:00:00-06:00,Pat Jones,2026-02-23
            """);
        var ported = foc.Rows.Where(r => r is { RespTyp: Responses.ResponseType.Foc, Lna: "P" }).Select(r => r.Tn).ToList();
        Assert.Equal(4, ported.Count);
        var activations = _temp.File("act.csv");
        File.WriteAllText(activations, "TN,SPID,ACTIVATED\n" + string.Concat(ported.Select(tn => $"{tn},6001,2026-03-10T15:00:00Z\n")));

        var (result, reads, _) = await Measured(() => new ActivationImport(_store, Clock).ImportAsync(activations, CancellationToken.None));

        Assert.Equal((4, 1), (result.Matched, result.Completed));
        Assert.InRange(reads, 0, ported.Count);
    }

    /// <summary>What <paramref name="action"/> returned, and how much history it read.</summary>
    private async Task<(T Result, long HistoryReads, long ResponsesRead)> Measured<T>(Func<Task<T>> action)
    {
        var (reads, responses) = (_store.Orders.HistoryReads, _store.Orders.ResponsesRead);
        var result = await action();
        return (result, _store.Orders.HistoryReads - reads, _store.Orders.ResponsesRead - responses);
    }

    private async Task<FileOutcome> Process(string name, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await _processor.ProcessAsync(new Receipt(Data.Partner("ACME")!, Channel.Sftp, Clock.GetCurrentInstant()), name, stream, stream.Length, new DirectoryLoaSource(_temp.Path), CancellationToken.None);
    }

    /// <summary>A partner's script gone wrong: one CSR row for A1002 again and again, every fourth with another INITTEL.</summary>
    private static string RepeatedCsr(int rows)
    {
        var csv = new StringBuilder("CCNA,PON,AGAUTH,INITTEL,AN,TN,LOA,STATE\n");
        for (var r = 0; r < rows; r++)
        {
            csv.Append($"ACM,LOOP-1,Y,{(r % 4 == 3 ? 5035550901 : 5035550900)},A1002,,,MN\n");
        }

        return csv.ToString();
    }

    /// <summary>VER 00 of a simple port of A1001, then VER 01, 02, … each a SUP 3 asking for the same date.</summary>
    private static string ManyVersions(int versions)
    {
        var csv = new StringBuilder("CCNA,PON,VER,SUP,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,REMARKS\n");
        for (var v = 0; v < versions; v++)
        {
            csv.Append($"ACM,MANY-1,{v:D2},{(v == 0 ? string.Empty : "3")},ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,5035550101,change {v}\n");
        }

        return csv.ToString();
    }
}
