using Integra.Gateway.Csv;
using Integra.Gateway.Intake;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.ResponseFiles;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Processing;

/// <summary>
/// Reads one request file, decides each request in it, and records every decision in one transaction.
/// The caller writes the response file after this returns; if it crashes first, processing the file again
/// answers every request from the store (S7), so the partner still gets exactly one, identical answer.
/// </summary>
public sealed class RequestFileProcessor(ReferenceData data, PolicyOptions options, IntakeLimits limits, IUnitOfWork store)
{
    private readonly RequestFileReader _reader = new(limits);
    private readonly LsrRequestHandler _lsr = new(data, options, store);
    private readonly CsrRequestHandler _csr = new(data, options, store);

    /// <summary>
    /// Decides every request of one file in one unit of work. <paramref name="thread"/>, for a file that came by mail,
    /// is the message later answers to its orders reply to.
    /// </summary>
    public async Task<FileOutcome> ProcessAsync(Receipt receipt, string fileName, Stream content, long? length, ILoaSource loas, CancellationToken cancellationToken, Delivery.MailThread? thread = null)
    {
        var responseName = FileKinds.ResponseName(fileName);
        var parsed = _reader.Read(fileName, content, length);
        if (parsed is FileRejection rejection)
        {
            return new FileOutcome(fileName, responseName, ResponseRows.ForFile(rejection.Code, rejection.Field, rejection.Message), 0, FileRejected: true, [], []);
        }

        var transaction = await store.BeginAsync(cancellationToken);
        await using var rollback = transaction;
        var rows = new List<ResponseRow>();
        var summaries = new List<RequestSummary>();
        var npac = new List<NpacBatch>();
        var requests = 0;
        var resent = new ResentResponses(store);
        switch (parsed)
        {
            case LsrFile lsr:
                var ordered = VersionOrder.Of(lsr.Requests);
                var holds = await OpenTnHolds.LoadAsync(store, ordered, cancellationToken);
                await store.Orders.LookUpOrdersAsync(receipt.Partner.Id, LsrRequestHandler.Kind, ordered.Select(r => (r.Ccna.ToUpperInvariant(), r.Pon)), cancellationToken);
                foreach (var request in ordered)
                {
                    var answer = await _lsr.HandleAsync(request, receipt, fileName, resent, thread, holds, cancellationToken);
                    rows.AddRange(answer.Rows);
                    summaries.Add(Summary(LsrRequestHandler.Kind, request.Pon, request.Ver, request.Tns.Count, answer.Rows));
                    if (answer.Npac is { } batch)
                    {
                        npac.Add(batch);
                    }

                    requests++;
                }

                break;
            case CsrFile csr:
                await store.Orders.LookUpOrdersAsync(receipt.Partner.Id, CsrRequestHandler.Kind, csr.Requests.Select(r => (r.Ccna.ToUpperInvariant(), r.Pon)), cancellationToken);
                foreach (var request in csr.Requests)
                {
                    var answer = await _csr.HandleAsync(request, receipt, fileName, loas, resent, cancellationToken);
                    rows.AddRange(answer);
                    summaries.Add(Summary(CsrRequestHandler.Kind, request.Pon, string.Empty, request.Fields[Field.Tn].Length > 0 ? 1 : 0, answer));
                    requests++;
                }

                break;
        }

        // The portal offers each order's response files as the channel delivered them (issue 17).
        await store.ResponseFiles.RecordAsync(
            receipt.Partner.Id, receipt.Channel, fileName, receipt.Received, responseName, parsed is LsrFile ? LsrRequestHandler.Kind : CsrRequestHandler.Kind, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var documents = parsed is CsrFile file
            ? file.Requests.Select(r => r.Fields[Field.Loa]).Where(SafeFileName.IsPlain).Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new FileOutcome(fileName, responseName, rows, requests, FileRejected: false, documents, summaries, npac);
    }

    /// <summary>
    /// The LOA documents a CSR file's rows name (plain names only), so that its transport fetches them before the
    /// file is decided: no transfer ever runs inside the store's write transaction. Empty for any other file.
    /// <paramref name="content"/> is left open, read to its end.
    /// </summary>
    public IReadOnlyList<string> DocumentNames(string fileName, Stream content, long? length) =>
        FileKinds.FromName(fileName) == FileKind.Csr && _reader.Read(fileName, content, length, leaveOpen: true) is CsrFile file
            ? file.Requests.Select(r => r.Fields[Field.Loa]).Where(SafeFileName.IsPlain).Distinct(StringComparer.Ordinal).ToList()
            : [];

    private static RequestSummary Summary(OrderKind kind, string pon, string ver, int tns, IReadOnlyList<ResponseRow> answer) =>
        new(kind, pon, ver, tns, answer.Count > 0 ? answer[0].RespTyp : null, LsrRequestHandler.Codes(answer));
}
