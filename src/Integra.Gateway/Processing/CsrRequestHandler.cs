using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Processing;

/// <summary>Decides one CSR request, records it (with its received and answered times, for the 24-hour SLA), returns its rows.</summary>
internal sealed class CsrRequestHandler(ReferenceData data, PolicyOptions options, IUnitOfWork store)
{
    public const OrderKind Kind = OrderKind.Csr;
    private const string Ver = "00";
    private readonly CsrPolicy _policy = new(data, options);

    public async Task<IReadOnlyList<ResponseRow>> HandleAsync(CsrRequest request, Receipt receipt, string fileName, ILoaSource loas, ResentResponses resent, CancellationToken cancellationToken)
    {
        var hash = ContentHash.Of(request.CanonicalContent());
        var keyed = request.Ccna.Length > 0 && FieldFormats.Check(Field.Ccna, request.Ccna) is null
            && request.Pon.Length > 0 && FieldFormats.Check(Field.Pon, request.Pon) is null;
        var order = keyed ? await store.Orders.FindOrderAsync(receipt.Partner.Id, Kind, request.Ccna.ToUpperInvariant(), request.Pon, cancellationToken) : null;
        var priorHash = order is null ? null : await store.Orders.VersionHashAsync(order.Id, Ver, cancellationToken);

        // A used PON is answered from its hash alone (S7 or R70), so its LOA is neither looked at nor fetched again:
        // a file repeating one agent's row would otherwise download the same document once per row.
        var document = priorHash is null && request.Fields[Field.Loa].Length > 0 ? loas.Fetch(request.Fields[Field.Loa]) : null;
        var decision = _policy.Decide(request, receipt, document?.Kind ?? LoaContent.Missing, priorHash, hash);
        if (decision is CsrResend)
        {
            return await resent.OfAsync(order!.Id, Ver, cancellationToken);
        }

        var rows = Rows(request, decision);
        if (!keyed || priorHash is not null)
        {
            return rows;
        }

        var account = (decision as CsrAnswer)?.Account;
        order = await store.Orders.CreateOrderAsync(receipt.Partner.Id, Kind, request.Ccna.ToUpperInvariant(), request.Pon, account?.An ?? request.Fields[Field.An], account?.State ?? string.Empty, account is null ? string.Empty : LocalZone.Of(data, account, account.State, options).Id, string.Empty, cancellationToken);
        var answered = decision is CsrAnswer;
        await store.Orders.UpdateOrderAsync(order with { State = answered ? OrderState.Complete : OrderState.Rejected }, $"{receipt.Channel.ToString().ToUpperInvariant()} {fileName}", answered ? $"CSR {rows.Count} TN(s)" : "REJ " + LsrRequestHandler.Codes(rows), cancellationToken);
        var versionId = await store.Orders.AddVersionAsync(order.Id, Ver, string.Empty, hash, receipt.Channel, fileName, receipt.Received, answered ? ResponseType.Csr : ResponseType.Reject, answered ? "C3" : ((CsrReject)decision).Errors[0].RuleId, LsrRequestHandler.Codes(rows), rows, Evidence.Of(request.Fields), cancellationToken);
        if (document is not null)
        {
            await store.Orders.AddDocumentAsync(versionId, document.Name, document.Content, cancellationToken);
        }
        return rows;
    }

    private IReadOnlyList<ResponseRow> Rows(CsrRequest request, CsrDecision decision)
    {
        switch (decision)
        {
            case CsrAnswer answer:
                return ResponseRows.Csr(request, answer, data.Contact(answer.Account.State, answer.Account.Company));
            case CsrReject reject:
                var an = request.Fields[Field.An];
                var account = data.Account(an);
                var contact = data.Contact(account?.State ?? request.Fields[Field.State], account?.Company ?? string.Empty);
                return ResponseRows.Reject(new ResponseRows.RequestKey(request.Ccna, request.Pon, string.Empty, string.Empty, an), reject.Errors, contact);
            default:
                throw new InvalidOperationException($"no response rows for {decision.GetType().Name}");
        }
    }
}
