using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Mail;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Integra.Gateway.Portal.Disputes;

/// <summary>The result of a dispute action: done (with the request's id) or refused with the reason, in words for the page.</summary>
public sealed record DisputeResult(bool Done, long Id, string Message)
{
    public static DisputeResult No(string problem) => new(false, 0, problem);
}

/// <summary>
/// Authorization disputes (SPEC §7): the desk opens evidence requests, the partner answers with documents and text,
/// the desk accepts, rejects, extends or reopens. Every action is audited with the order's PON as target; the
/// partner's administrators (or, for a partner without any, the e-mail addresses of partners.csv) are mailed.
/// </summary>
public sealed class EvidenceDesk(
    DisputeServices disputes,
    IOrderViews orders,
    IPortalStore accounts,
    PartnerDirectory partners,
    IPortalMailer mailer,
    Auditor audit,
    PortalSettings settings,
    Func<ReferenceData> data,
    TimeProvider time)
{
    /// <summary>Business days the partner has by default (SPEC §7).</summary>
    public const int DefaultBusinessDays = 3;

    private IEvidenceStore Store => disputes.Store;

    public Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>Today in the desk's zone.</summary>
    public LocalDate Today => Now.InZone(disputes.DeskZone).Date;

    /// <summary>The default due date: 3 business days after today, on the rules' calendar, in the desk's zone.</summary>
    public LocalDate DefaultDueDate() => data().Calendar.AddBusinessDays(Today, DefaultBusinessDays);

    /// <summary>
    /// The end of <paramref name="dueDate"/> in the desk's zone: the start of the next day there. Midnight may not exist
    /// in a zone with a DST change at midnight; the start of the day is then the first instant that day has.
    /// </summary>
    public Instant DueAt(LocalDate dueDate) => dueDate.PlusDays(1).AtStartOfDayInZone(disputes.DeskZone).ToInstant();

    public int MaxDocumentBytes => disputes.MaxDocumentBytes;

    public string DeskZoneId => disputes.DeskZone.Id;

    /// <summary>
    /// Opens a request on order <paramref name="orderId"/> for <paramref name="tns"/> (blank: all the order's TNs) due
    /// on <paramref name="dueDate"/> (null: <see cref="DefaultDueDate"/>), and e-mails the partner.
    /// </summary>
    public async Task<DisputeResult> OpenAsync(HttpContext? context, PortalUser staff, long orderId, string? reason, IReadOnlyList<string> tns, LocalDate? dueDate, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(OrderScope.AllPartners, orderId, cancellationToken) is not { } order)
        {
            return DisputeResult.No("There is no such order.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DisputeResult.No("Give the reason: the partner reads it.");
        }

        var orderTns = order.Tns.Select(t => t.Tn).ToList();
        var chosen = tns.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        if (chosen.FirstOrDefault(t => !orderTns.Contains(t)) is { } stranger)
        {
            return DisputeResult.No($"{stranger} is not a TN of this order.");
        }

        var due = dueDate ?? DefaultDueDate();
        if (due < Today)
        {
            return DisputeResult.No($"The due date {due:yyyy-MM-dd} is in the past.");
        }

        var o = order.Order;
        var request = new NewEvidenceRequest(o.Id, o.Partner, o.Kind, o.Pon, reason.Trim(), chosen.Count > 0 ? chosen : orderTns, due, DueAt(due), staff.Email, Now);
        var id = await Store.AddAsync(request, cancellationToken);
        await audit.RecordAsync(context, staff.Email, o.Partner, DisputeAuditActions.Opened, DisputeAuditActions.Target(o.Pon), $"request {id}: due {due:yyyy-MM-dd}, TNs {string.Join(' ', request.Tns)}: {request.Reason}");
        var mailed = await MailAsync((await Store.FindAsync(null, id, cancellationToken))!, cancellationToken);
        return new DisputeResult(true, id, $"Evidence request {id} opened, due {due:yyyy-MM-dd}. {mailed}");
    }

    /// <summary>Whether a partner-side user may see and answer <paramref name="request"/>: its partner's, with VIEW or the privilege of the order's kind.</summary>
    public static bool MaySee(PortalUser user, EvidenceRequest request) =>
        !user.IsStaff && string.Equals(user.Partner, request.Partner, StringComparison.Ordinal) && MaySeeKind(user, request.Kind);

    /// <summary>VIEW sees every order's requests; CSR or LSR the requests on orders of that kind.</summary>
    public static bool MaySeeKind(PortalUser user, string kind) =>
        user.Privileges.HasFlag(Privileges.View)
        || (kind == "LSR" && user.Privileges.HasFlag(Privileges.Lsr))
        || (kind == "CSR" && user.Privileges.HasFlag(Privileges.Csr));

    /// <summary>The request as a partner-side user may see it; null when it is another partner's or beyond the user's privileges.</summary>
    public async Task<EvidenceRequest?> FindForPartnerAsync(PortalUser user, long id, CancellationToken cancellationToken) =>
        user.Partner is { } partner && await Store.FindAsync(partner, id, cancellationToken) is { } r && MaySee(user, r) ? r : null;

    /// <summary>The partner's requests the user may see: waiting ones first.</summary>
    public async Task<IReadOnlyList<EvidenceRequest>> ForPartnerAsync(PortalUser user, CancellationToken cancellationToken) =>
        user.Partner is { } partner ? (await Store.ListAsync(partner, 200, cancellationToken)).Where(r => MaySee(user, r)).ToList() : [];

    /// <summary>
    /// The requests on one of the partner's orders that the user may see, newest first: that order's rows only, not the
    /// partner's list (whose first 200 may not reach an old order's).
    /// </summary>
    public async Task<IReadOnlyList<EvidenceRequest>> ForOrderAsync(PortalUser user, long orderId, CancellationToken cancellationToken) =>
        user.Partner is { } partner ? (await Store.OfOrderAsync(partner, orderId, cancellationToken)).Where(r => MaySee(user, r)).ToList() : [];

    /// <summary>Adds an answer from a partner user: text and documents, each checked by content and size.</summary>
    public async Task<DisputeResult> AnswerAsync(HttpContext? context, PortalUser user, long id, string? text, IReadOnlyList<(string Name, byte[] Content)> files, CancellationToken cancellationToken)
    {
        if (await FindForPartnerAsync(user, id, cancellationToken) is not { } request)
        {
            return DisputeResult.No("There is no such request.");
        }

        if (!request.Answerable(Now))
        {
            var why = request.State == EvidenceStates.Accepted
                ? "The desk has accepted the evidence; nothing more is needed."
                : $"The due time (end of {request.DueDate:yyyy-MM-dd}, {DeskZoneId}) has passed: ask Integra's desk to extend it.";
            await audit.RecordAsync(context, user.Email, request.Partner, DisputeAuditActions.AnswerRefused, DisputeAuditActions.Target(request.Pon), $"request {id}: {why}");
            return DisputeResult.No(why);
        }

        var documents = new List<EvidenceDocument>();
        foreach (var (name, content) in files)
        {
            var (document, problem) = EvidenceDocuments.Check(name, content, MaxDocumentBytes);
            if (problem is not null)
            {
                return DisputeResult.No(problem);
            }

            documents.Add(document!);
        }

        if (documents.Count == 0 && string.IsNullOrWhiteSpace(text))
        {
            return DisputeResult.No("Attach a document or write an answer.");
        }

        if (await Store.AddAnswerAsync(request.Partner, id, user.Email, text?.Trim() ?? string.Empty, documents, Now, cancellationToken) is not { } answerId)
        {
            return DisputeResult.No("The request can no longer be answered: it was decided or went past due meanwhile.");
        }

        await audit.RecordAsync(context, user.Email, request.Partner, DisputeAuditActions.Answered, DisputeAuditActions.Target(request.Pon), $"request {id}, answer {answerId}: {documents.Count} document(s) {string.Join(' ', documents.Select(d => d.Name))}");
        return new DisputeResult(true, id, "Your answer was sent to Integra's desk.");
    }

    /// <summary>Accepts or rejects the evidence of an answered request, with the reason the partner reads.</summary>
    public async Task<DisputeResult> DecideAsync(HttpContext? context, PortalUser staff, long id, bool accept, string? reason, CancellationToken cancellationToken)
    {
        if (await Store.FindAsync(null, id, cancellationToken) is not { } request)
        {
            return DisputeResult.No("There is no such request.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DisputeResult.No("Give the reason: the partner reads it.");
        }

        if (!await Store.DecideAsync(id, accept, staff.Email, reason.Trim(), Now, cancellationToken))
        {
            return DisputeResult.No("Only an answered request can be decided; it may have been decided meanwhile.");
        }

        await audit.RecordAsync(context, staff.Email, request.Partner, accept ? DisputeAuditActions.Accepted : DisputeAuditActions.Rejected, DisputeAuditActions.Target(request.Pon), $"request {id}: {reason.Trim()}");
        return new DisputeResult(true, id, accept ? $"Request {id}: evidence accepted." : $"Request {id}: evidence rejected; the partner may answer again until the end of {request.DueDate:yyyy-MM-dd}.");
    }

    /// <summary>Moves the due date of a request not accepted yet (<paramref name="reopen"/>: of a decided one, which opens it again).</summary>
    public async Task<DisputeResult> RescheduleAsync(HttpContext? context, PortalUser staff, long id, LocalDate? dueDate, bool reopen, CancellationToken cancellationToken)
    {
        if (await Store.FindAsync(null, id, cancellationToken) is not { } request)
        {
            return DisputeResult.No("There is no such request.");
        }

        var due = dueDate ?? DefaultDueDate();
        if (due < Today)
        {
            return DisputeResult.No($"The due date {due:yyyy-MM-dd} is in the past.");
        }

        var done = reopen ? await Store.ReopenAsync(id, due, DueAt(due), cancellationToken) : await Store.ExtendAsync(id, due, DueAt(due), cancellationToken);
        if (!done)
        {
            return DisputeResult.No(reopen ? "Only a decided request can be reopened." : "An accepted request is closed: reopen it instead.");
        }

        await audit.RecordAsync(context, staff.Email, request.Partner, reopen ? DisputeAuditActions.Reopened : DisputeAuditActions.Extended, DisputeAuditActions.Target(request.Pon), $"request {id}: due {due:yyyy-MM-dd} (was {request.DueDate:yyyy-MM-dd})");
        return new DisputeResult(true, id, reopen ? $"Request {id} reopened, due {due:yyyy-MM-dd}." : $"Request {id} now due {due:yyyy-MM-dd}.");
    }

    /// <summary>The partner's administrators; a partner with none (SFTP or e-mail only) is reached at its partners.csv addresses.</summary>
    private async Task<string> MailAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        var admins = (await accounts.UsersOfAsync(request.Partner, cancellationToken)).Where(u => u.Role == PortalRoles.PartnerAdmin && !u.Disabled).Select(u => u.Email).ToList();
        var partner = await partners.FindAsync(request.Partner, cancellationToken);
        var to = admins.Count > 0 ? admins : partner?.Emails.ToList() ?? [];
        if (to.Count == 0)
        {
            return "The partner has no administrator and no e-mail address: tell them by phone.";
        }

        try
        {
            await mailer.SendAsync(EvidenceMails.Requested(settings, to, request, partner?.Name ?? request.Partner, DeskZoneId), cancellationToken);
            return $"E-mailed to {string.Join(", ", to)}.";
        }
        catch (IOException e)
        {
            return $"The e-mail could not be sent ({e.Message}): tell the partner another way.";
        }
    }
}
