using Integra.Gateway.Intake;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.PortalInbox;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.PortalHosting;

/// <summary>What the portal reads through the intake: the partner's inbox, its downloads, a supplement's starting point.</summary>
public sealed partial class PortalIntake
{
    /// <summary><see cref="InboxAsync"/> for the tests' and the harness's checks, which read the inbox outside a request.</summary>
    public IReadOnlyList<PortalAnswer> Inbox(string partner, int limit, string? submittedBy = null) =>
        Read(store => store.PortalInbox.Latest(partner, limit, submittedBy).Select(e => PortalAnswers.Of(e)).ToList());

    public Task<IReadOnlyList<PortalAnswer>> InboxAsync(string partner, int limit, string? submittedBy, CancellationToken cancellationToken) =>
        pipelines.Stores.RunAsync<IReadOnlyList<PortalAnswer>>(
            "portal inbox page",
            async (store, token) => (await store.PortalInbox.LatestAsync(partner, limit, submittedBy, token)).Select(e => PortalAnswers.Of(e)).ToList(),
            cancellationToken);

    public Task<PortalAnswer?> AnswerAsync(string partner, long id, string? submittedBy, CancellationToken cancellationToken) =>
        pipelines.Stores.RunAsync(
            "portal inbox page",
            async (store, token) => await store.PortalInbox.FindAsync(partner, id, submittedBy, token) is { } e ? PortalAnswers.Of(e) : null,
            cancellationToken);

    public Task<UploadedFile?> DownloadAsync(string partner, long id, string? submittedBy, CancellationToken cancellationToken) =>
        pipelines.Stores.RunAsync(
            "portal inbox download",
            async (store, token) => await store.PortalInbox.FindAsync(partner, id, submittedBy, token) is { } e ? new UploadedFile(e.FileName, e.Content) : null,
            cancellationToken);

    /// <summary>
    /// The last version of one of the partner's LSR orders. A version that came through the portal is read back from
    /// the request file it was (every column); one from another channel from what the order keeps (CCNA, PON, VER, AN,
    /// NNSP, its date and its ported TNs), the rest left for the partner to fill in.
    /// </summary>
    public Task<LsrDraft?> LastVersionAsync(string partner, long orderId, string? submittedBy, CancellationToken cancellationToken) =>
        pipelines.Stores.RunAsync("supplement page", (store, token) => LastVersionAsync(store, partner, orderId, submittedBy, token), cancellationToken);

    private async Task<LsrDraft?> LastVersionAsync(IUnitOfWork store, string partner, long orderId, string? submittedBy, CancellationToken cancellationToken)
    {
        if (await store.Orders.FindOrderAsync(orderId, cancellationToken) is not { } order || order.Partner != partner || order.Kind != LsrRequestHandler.Kind)
        {
            return null;
        }

        if (submittedBy is not null && !await store.PortalSubmissions.SentAVersionOfAsync(partner, order.Id, submittedBy, cancellationToken))
        {
            return null;
        }

        var ver = await store.Orders.LatestVerAsync(order.Id, cancellationToken) ?? "00";
        var version = await store.Orders.VersionAsync(order.Id, ver, cancellationToken);
        var sent = version is not null && (version.Channel == StoredText.Of(Channel.Portal) || version.Channel == StoredText.Of(Channel.Api))
            ? await store.PortalSubmissions.ByFileNameAsync(partner, version.FileName, cancellationToken)
            : null;
        var state = order.State;
        if (sent is not null
            && new RequestFileReader(intake.Value.ToLimits()).Read(sent.FileName, new MemoryStream(sent.Content, writable: false), sent.Content.Length) is LsrFile file
            && file.Requests.FirstOrDefault(r => r.Pon == order.Pon && r.Ver == ver) is { } request)
        {
            var fields = FieldNames.LsrColumns.Where(f => f != Field.Tn).ToDictionary(f => f, f => request.Fields[f]);
            return new LsrDraft(order.Id, fields, request.Tns.Select(t => t.Tn ?? t.Raw).ToList(), state);
        }

        var kept = new Dictionary<Field, string>
        {
            [Field.Ccna] = order.Ccna,
            [Field.Pon] = order.Pon,
            [Field.Ver] = ver,
            [Field.An] = order.An,
            [Field.Nnsp] = order.Nnsp,
            [Field.Ddd] = StoreFormats.Text(order.AcceptedDdd ?? order.RequestedDate) ?? string.Empty,
        };
        return new LsrDraft(order.Id, kept, (await store.Orders.TnsAsync(order.Id, cancellationToken)).Where(t => t.Lna == Lna.Port).Select(t => t.Tn).ToList(), state);
    }

    /// <summary>The rules' own definition (<see cref="SimplePort"/>) applied to the account as the form gives it.</summary>
    public PortClassification Classify(string an, string reqtyp, int tnCount)
    {
        var reference = data.Current;
        var account = reference.Account(an.Trim());
        if (account is null)
        {
            return PortClassification.UnknownAccount;
        }

        var fields = FieldValues.Of([new(Field.An, an), new(Field.Reqtyp, reqtyp)]);
        var tns = Enumerable.Range(1, Math.Max(tnCount, 1)).Select(i => new TnLine(i, string.Empty, null)).ToList();
        return SimplePort.IsSimple(new LsrRequest(fields, tns, [], 1), account, reference) ? PortClassification.Simple : PortClassification.NonSimple;
    }

    private T Read<T>(Func<IUnitOfWork, T> read) => pipelines.Stores.Run("portal inbox page", read);
}
