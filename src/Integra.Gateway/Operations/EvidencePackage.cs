using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Integra.Gateway.Csv;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Evidence;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Operations;

/// <summary>
/// The evidence package of an order (SPEC §7): one ZIP for a regulator or a complaining end user. It holds every
/// version's request as the store keeps it (a portal form or upload: the request file it became, byte for byte; SFTP
/// and e-mail: the stored version record, since the store keeps their hash and authorization fields, not the file),
/// every response file as its channel delivered it, the LOAs, the evidence requests with their answers and
/// documents, the order's history, every audit row about it, and <c>MANIFEST.csv</c> (path, SHA-256, size, source,
/// time) of all of them. Entries come in a fixed order, each stamped with its own stored time, so the same store
/// gives the same bytes. Audit rows of package downloads are left out: a download changes nothing in the package.
/// Every stored hash is checked on the way: a mismatch builds no package.
/// </summary>
public sealed class EvidencePackageBuilder(UnitOfWorkFactory stores, IOrderViews orders, EvidenceFolder? folder) : IEvidencePackages
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <exception cref="EvidenceIntegrityException">A stored file does not match its recorded SHA-256.</exception>
    public async Task<EvidencePackageFile?> BuildAsync(long orderId, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(OrderScope.AllPartners, orderId, cancellationToken) is not { } detail)
        {
            return null;
        }

        var o = detail.Order;
        var entries = new List<Entry>();
        IReadOnlyList<EvidenceStore.AuditRow> allAudit;
        using (var store = await stores.OpenAsync(cancellationToken))
        {
            var versions = await store.History.HistoryVersionsAsync(orderId, cancellationToken);
            foreach (var v in versions)
            {
                entries.AddRange(await RequestsAsync(store.Evidence, o.Partner, v, cancellationToken));
            }

            foreach (var v in versions)
            {
                foreach (var (name, sha256, content) in await store.History.DocumentsAsync(v.Id, cancellationToken))
                {
                    Check($"LOA {name} of VER {v.Ver}", sha256, content);
                    entries.Add(new Entry($"loas/{v.Ver}-{name}", content, $"LOA received with VER {v.Ver} ({StoredText.Of(v.Channel)}, {v.File})", v.ReceivedAt));
                }
            }

            var index = 1;
            foreach (var file in detail.Files)
            {
                if (await orders.DownloadAsync(OrderScope.AllPartners, orderId, file.Id, cancellationToken) is { } download)
                {
                    var by = file.Channel is { } c ? OrderText.Channel(c) : "its channel";
                    entries.Add(new Entry($"responses/{index++:00}-{download.Name}", download.Content, $"response delivered by {by}{(file.RequestFile is { } r ? $" to {r}" : " (later answer)")}", file.At));
                }
            }

            entries.AddRange(await DisputesAsync(store.Evidence, orderId, cancellationToken));
            var activations = await store.History.HistoryActivationsAsync(orderId, cancellationToken);
            var history = new
            {
                order = detail.Order,
                an = detail.An,
                nnsp = detail.Nnsp,
                versions = versions.Select(v => new { v.Ver, v.Sup, Channel = StoredText.Of(v.Channel), v.File, ReceivedAt = StoreFormats.Text(v.ReceivedAt), DecidedAt = StoreFormats.Text(v.DecidedAt), Outcome = StoredText.Of(v.Outcome), v.RuleId, v.Codes, v.Response, v.Evidence }),
                tns = detail.Tns,
                events = detail.History,
                activations = activations.Select(a => new { a.Tn, a.Spid, ActivatedAt = StoreFormats.Text(a.ActivatedAt), ImportedAt = StoreFormats.Text(a.ImportedAt) }),
            };
            var last = detail.History.Select(e => e.At).Append(o.UpdatedAt).Max();
            entries.Add(new Entry("history.json", Json(history), "the order's versions, TNs, state changes and NPAC activations from the order store", last));
            allAudit = await store.Evidence.AuditRowsAsync(o.Partner, DisputeAuditActions.Target(o.Pon), cancellationToken);
        }

        var audit = allAudit.Where(a => a.Action != DisputeAuditActions.PackageDownloaded).ToList();
        entries.Add(new Entry(
            "audit.csv",
            Csv(["AT", "ACTOR", "PARTNER", "ACTION", "TARGET", "DETAIL", "ADDRESS"], audit.Select(a => new[] { a.At, a.Actor, a.Partner ?? string.Empty, a.Action, a.Target, a.Detail, a.Address })),
            $"the portal's audit trail, rows of {o.Partner} about PON {o.Pon}",
            audit.Count > 0 ? StoreFormats.Instant(audit[^1].At) : o.UpdatedAt));

        var manifestTime = entries.Max(e => e.At);
        var manifest = Csv(
            ["PATH", "SHA256", "BYTES", "SOURCE", "TIME"],
            entries.Select(e => new[] { e.Path, EvidenceStore.Sha256(e.Content), e.Content.Length.ToString(CultureInfo.InvariantCulture), e.Source, InstantPattern.ExtendedIso.Format(e.At) }));
        entries.Add(new Entry("MANIFEST.csv", manifest, "this list", manifestTime));

        var bytes = Zip(entries);
        return new EvidencePackageFile($"evidence-{o.Partner}-{o.Kind}-{o.Pon}.zip", bytes, EvidenceStore.Sha256(bytes));
    }

    private static async Task<List<Entry>> RequestsAsync(EvidenceStore evidence, string partner, HistoryQueries.HistoryVersion v, CancellationToken cancellationToken)
    {
        var received = v.ReceivedAt;
        var submitted = v.Channel is Rules.Model.Channel.Portal or Rules.Model.Channel.Api ? await evidence.SubmittedAsync(partner, v.File, cancellationToken) : [];
        if (submitted.Count > 0)
        {
            // A file name is unique per partner on the portal; the last submission of that name is the one decided.
            var s = submitted[^1];
            Check($"portal request file {s.FileName}", s.Sha256, s.Content);
            return [new Entry($"requests/{v.Ver}-{v.File}", s.Content, $"VER {v.Ver} as received on the portal from {s.SubmittedBy} (the request file the form or upload became)", received)];
        }

        var record = new { v.Ver, v.Sup, Channel = StoredText.Of(v.Channel), v.File, ReceivedAt = StoreFormats.Text(v.ReceivedAt), DecidedAt = StoreFormats.Text(v.DecidedAt), Outcome = StoredText.Of(v.Outcome), v.Codes, authorization = JsonSerializer.Deserialize<Dictionary<string, string>>(v.Evidence) };
        return [new Entry($"requests/{v.Ver}-{v.File}.version.json", Json(record), $"VER {v.Ver} as recorded when received by {StoredText.Of(v.Channel)} (the store keeps the version and its authorization fields, not the file)", received)];
    }

    private async Task<List<Entry>> DisputesAsync(EvidenceStore evidence, long orderId, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        var files = (await evidence.FilesOfOrderAsync(orderId, folder, cancellationToken)).ToLookup(f => f.Info.Id);
        foreach (var request in (await evidence.OfOrderAsync(null, orderId, cancellationToken)).OrderBy(r => r.Id))
        {
            var answers = await evidence.AnswersAsync(null, request.Id, cancellationToken);
            var directory = $"evidence/request-{request.Id}";
            entries.Add(new Entry($"{directory}/request.json", Json(new { request, answers }), $"evidence request {request.Id} opened by {request.OpenedBy}, with its answers and decision", request.DecidedAt ?? request.OpenedAt));
            foreach (var answer in answers)
            {
                entries.Add(new Entry($"{directory}/answer-{answer.Id}.txt", Encoding.UTF8.GetBytes(answer.Text), $"answer {answer.Id} text by {answer.AnsweredBy}", answer.AnsweredAt));
                foreach (var info in answer.Files)
                {
                    var content = files[info.Id].Single();
                    entries.Add(new Entry($"{directory}/answer-{answer.Id}-{info.Id}-{info.Name}", content.Content, $"answer {answer.Id} document by {answer.AnsweredBy} ({info.ContentType})", answer.AnsweredAt));
                }
            }
        }

        return entries;
    }

    private static void Check(string what, string recorded, byte[] content)
    {
        var actual = EvidenceStore.Sha256(content);
        if (!string.Equals(actual, recorded, StringComparison.OrdinalIgnoreCase))
        {
            throw new EvidenceIntegrityException(what, recorded, actual);
        }
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value, ReportJson.Options);

    private static byte[] Csv(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        CsvFiles.Write(stream, header, rows);
        return stream.ToArray();
    }

    private static byte[] Zip(IReadOnlyList<Entry> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in entries)
            {
                var entry = zip.CreateEntry(e.Path, CompressionLevel.Optimal);

                // The entry's own stored time in UTC (a ZIP time has no zone): never the time of building.
                var at = e.At.ToDateTimeOffset();
                entry.LastWriteTime = at < ZipEpoch ? ZipEpoch : at;
                using var body = entry.Open();
                body.Write(e.Content);
            }
        }

        return stream.ToArray();
    }

    private sealed record Entry(string Path, byte[] Content, string Source, Instant At);
}
