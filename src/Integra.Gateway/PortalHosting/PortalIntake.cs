using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Integra.Gateway.Configuration;
using Integra.Gateway.Csv;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.PortalInbox;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// Partners' submissions from the portal, through the one intake pipeline on channel portal (SPEC §1, §7): a form
/// becomes a request file in the columns the rules know (<see cref="RequestCsv"/>), an upload is taken as it is;
/// either is a <see cref="ReceivedFile"/> of the signed-in user's partner, received at the gateway's clock, decided by
/// the same rules. Exactly once: the form id is claimed, the request decided and its answer put into the partner's
/// inbox in ONE unit of work, so a crash anywhere before its commit leaves nothing (no order, no claim: the form can be
/// posted again) and after it one answered order; the same form posted again gets that answer back.
/// </summary>
public sealed partial class PortalIntake(
    PortalPipelines pipelines,
    ReferenceDataSource data,
    IOptions<IntakeSettings> intake,
    INpacGateway npac) : IPortalIntake
{
    /// <summary>
    /// Test seam for the crash tests: called at each step of a submission; throwing there is what a process killed at
    /// that step leaves behind (an uncommitted unit of work is rolled back). Null in the daemon.
    /// </summary>
    internal Action<PortalSubmitStep>? Crash { get; set; }

    public long MaxFileBytes => intake.Value.MaxFileBytes;

    public long MaxLoaBytes => LoaDocument.MaxBytes;

    public long MaxUploadBytes => intake.Value.MaxFileBytes + LoaDocument.MaxBytes + (1 << 20);

    public async Task<PortalAnswer> SubmitFormAsync(PortalSubmission submission, RequestForm form, CancellationToken cancellationToken)
    {
        var kind = form.Kind == RequestKind.Lsr ? FileKind.Lsr : FileKind.Csr;
        var suffix = kind == FileKind.Lsr ? ".lsr.csv" : ".csr.csv";
        var stem = PlainStem().IsMatch(form.Name) ? form.Name : "form";
        var fileName = $"{stem}-{submission.FormId[..8]}{suffix}";
        var content = RequestCsv.Write(kind, form.Rows);
        using (await pipelines.WriteTurnAsync(cancellationToken))
        {
            return await SubmitAsync(submission, fileName, content, cancellationToken);
        }
    }

    public async Task<PortalAnswer> SubmitFileAsync(PortalSubmission submission, UploadedFile file, CancellationToken cancellationToken)
    {
        using (await pipelines.WriteTurnAsync(cancellationToken))
        {
            return await SubmitAsync(submission, SafeFileName.IsPlain(file.Name) ? file.Name : "upload.csv", file.Content, cancellationToken);
        }
    }

    private async Task<PortalAnswer> SubmitAsync(PortalSubmission submission, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (!FormIds.IsValid(submission.FormId))
        {
            throw new ArgumentException($"not a form id: {submission.FormId}", nameof(submission));
        }

        if (submission.Channel is not (Channel.Portal or Channel.Api))
        {
            throw new ArgumentException($"the portal intake takes the portal and API channels, not {submission.Channel}", nameof(submission));
        }

        var partner = data.Current.Partner(submission.Partner) ?? throw new InvalidOperationException($"partner {submission.Partner} is not in the reference data");

        // The unit of work again on a fresh connection after a transient failure: it rolled back, so the form is
        // unclaimed and decided anew; or it committed before the connection broke, and the claim finds its answer.
        var (answer, repeated, cancels) = await pipelines.Availability.RunAsync("portal submission", token => DecideAsync(partner, submission, fileName, content, token), 4, cancellationToken);
        Crash?.Invoke(PortalSubmitStep.Committed);
        if (cancels)
        {
            // The cancels of S2 and S5 go out now that their decision is committed, as on the other channels.
            await pipelines.Stores.RunAsync("portal NPAC delivery", (store, token) => new OutboxDelivery(store.Outbox).DeliverNpacAsync(npac, token), cancellationToken);
        }

        return PortalAnswers.Of(answer, repeated);
    }

    private async Task<(PortalInboxEntry Answer, bool Repeated, bool Cancels)> DecideAsync(Rules.Reference.Partner partner, PortalSubmission submission, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        using var pipeline = await pipelines.OpenAsync(cancellationToken);
        var store = pipeline.Store;
        var submissions = store.PortalSubmissions;
        var inbox = store.PortalInbox;
        var loa = submission.Loa is { } l && SafeFileName.IsPlain(l.Name) && l.Content.Length <= LoaDocument.MaxBytes ? new LoaDocument(l.Name, l.Content) : null;
        var transaction = await store.BeginAsync(cancellationToken);
        await using var rollback = transaction;

        // Two posts of one form at once: the second waits here for the first, then finds its answer.
        await store.LockAsync($"portal-form:{partner.Id}:{submission.FormId}", cancellationToken);
        var (record, created) = await submissions.ClaimAsync(partner.Id, submission.FormId, fileName, content, Convert.ToHexStringLower(SHA256.HashData(content)), loa?.Name, loa?.Content, submission.SubmittedBy, cancellationToken);
        if (!created)
        {
            var earlier = await inbox.OfSubmissionAsync(partner.Id, record.Id, cancellationToken) ?? throw new InvalidOperationException($"portal submission {record.Id} has no answer");
            await transaction.CommitAsync(cancellationToken);
            return (earlier, true, false);
        }

        Crash?.Invoke(PortalSubmitStep.Claimed);
        using var stream = new MemoryStream(record.Content, writable: false);
        var documents = loa is not null && pipeline.DocumentNames(record.FileName, stream, anyDocumentBeside: true).Contains(loa.Name) ? new[] { loa } : [];
        var file = new ReceivedFile(partner, submission.Channel, record.FileName, stream, record.Sha256, record.ReceivedAt, documents);
        var items = await pipeline.DecideAsync([file], cancellationToken);
        Crash?.Invoke(PortalSubmitStep.Decided);
        var outcome = items[0].Outcome ?? throw new InvalidOperationException($"{record.FileName} was not decided");
        var id = await inbox.PutAnswerAsync(record.Id, partner.Id, outcome.ResponseName, ResponseWriter.Bytes(outcome.Rows), outcome.Rows.Select(r => r.Cells()), cancellationToken);
        await submissions.MarkAnsweredAsync(record.Id, cancellationToken);
        await pipeline.AnsweredAsync(items, cancellationToken);

        // Nothing to move for a portal file: its ledger entry is closed in the same unit of work, so the same
        // file uploaded again later is a new upload answered by S7, never one left open by a crash here.
        await pipeline.ArchivedAsync(items, cancellationToken);
        var answer = (await inbox.FindAsync(partner.Id, id, null, cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return (answer, false, outcome.NpacBatches is { Count: > 0 });
    }

    /// <summary>A PON-like name (SPEC §2.1 PON characters) is kept in the request file's name, for the partner to recognise it.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{1,16}$")]
    private static partial Regex PlainStem();
}

/// <summary>The steps of a portal submission, where the crash tests stop it.</summary>
internal enum PortalSubmitStep
{
    /// <summary>The form id is claimed; nothing decided yet.</summary>
    Claimed,

    /// <summary>The request is decided and its order recorded; the answer is not in the inbox yet.</summary>
    Decided,

    /// <summary>Everything is committed; the page has not been answered yet.</summary>
    Committed,
}
