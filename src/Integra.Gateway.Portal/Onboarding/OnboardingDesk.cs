using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Mail;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Integra.Gateway.Portal.Onboarding;

/// <summary>The outcome of a desk decision; <see cref="Problem"/> says why nothing was done.</summary>
public sealed record DeskResult(bool Done, string? Problem)
{
    public static DeskResult Ok { get; } = new(true, null);

    public static DeskResult No(string problem) => new(false, problem);
}

/// <summary>
/// Trading Partner Profile onboarding (SPEC §7): a submission gets its received time and a due time 3 business
/// days later on the §4 calendar, at the same local time in the desk's zone; approving creates the partner and its
/// two administrators and mails each a first sign-in link with the two guides; rejecting mails the reason.
/// </summary>
public sealed class OnboardingDesk(
    IPortalStore store,
    PartnerDirectory partners,
    Func<ReferenceData> data,
    SignInLinks links,
    IPortalMailer mailer,
    Auditor audit,
    PortalSettings settings,
    TimeProvider time)
{
    public const int BusinessDaysToHandle = 3;

    /// <summary>Queues a form from the access-request folder (every file is its own submission).</summary>
    public async Task<ProfileSubmission> SubmitAsync(HttpContext? context, string source, TradingPartnerProfile profile, CancellationToken cancellationToken)
    {
        var received = time.GetUtcNow();
        var submission = await store.AddProfileAsync(source, profile, received, DueAt(received), cancellationToken);
        await ReceivedAsync(context, source, submission);
        return submission;
    }

    /// <summary>
    /// Queues a form of the public page, once per rendered form (<paramref name="formId"/>): posted again, it is the
    /// first submission, with its own due time, and nothing new reaches the queue or the audit trail.
    /// </summary>
    public async Task<ProfileSubmission> SubmitOnceAsync(HttpContext? context, string formId, TradingPartnerProfile profile, CancellationToken cancellationToken)
    {
        var received = time.GetUtcNow();
        var (submission, added) = await store.AddProfileOnceAsync(ProfileSources.Page, formId, profile, received, DueAt(received), cancellationToken);
        if (added)
        {
            await ReceivedAsync(context, ProfileSources.Page, submission);
        }

        return submission;
    }

    /// <summary>The partner the form comes from when that partner exists already (same id or CCNA), else null.</summary>
    public async Task<Partner?> ExistingPartnerAsync(TradingPartnerProfile profile, CancellationToken cancellationToken) =>
        (await partners.AllAsync(cancellationToken)).FirstOrDefault(p =>
            string.Equals(p.Id, profile.PartnerId, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Ccna, profile.PartnerId, StringComparison.OrdinalIgnoreCase));

    // Nobody signed in sent the form: the actor is anonymous, the e-mail it claims is data, not an identity.
    private Task ReceivedAsync(HttpContext? context, string source, ProfileSubmission submission) =>
        audit.RecordAsync(context, Auditor.Anonymous, null, AuditActions.ProfileReceived, $"profile {submission.Id}", $"{submission.Profile.Company} ({submission.Profile.PartnerId}) by {source}, claimed by {submission.Profile.Admin1Email}");

    /// <summary>3 business days after <paramref name="received"/>, at the same local time in the desk's zone (a received time on a holiday counts from the next business day).</summary>
    public DateTimeOffset DueAt(DateTimeOffset received)
    {
        var zone = DateTimeZoneProviders.Tzdb[settings.DeskTimeZone];
        var local = Instant.FromDateTimeOffset(received).InZone(zone);
        var calendar = data().Calendar;
        var date = calendar.AddBusinessDays(local.Date, BusinessDaysToHandle);
        // The lenient resolver: a due time in a DST gap moves forward, an ambiguous one takes the earlier instant.
        return date.At(local.TimeOfDay).InZoneLeniently(zone).ToDateTimeOffset();
    }

    public async Task<DeskResult> ApproveAsync(HttpContext? context, string actor, long id, CancellationToken cancellationToken)
    {
        if (await store.FindProfileAsync(id, cancellationToken) is not { State: ProfileStates.Received } submission)
        {
            return DeskResult.No("This form was already handled.");
        }

        var profile = submission.Profile;
        if (await ExistingPartnerAsync(profile, cancellationToken) is { } existing)
        {
            return await AddAdministratorsAsync(context, actor, submission, existing, cancellationToken);
        }

        var partner = new Partner(profile.PartnerId, profile.PartnerId, profile.Company.Trim(), Enum.Parse<PartnerType>(profile.PartnerType, ignoreCase: true), profile.AdminEmails, null, null);
        var admins = Administrators(profile, partner.Id);
        if (await AnyHasAccountAsync(admins, cancellationToken))
        {
            return DeskResult.No("An administrator's e-mail address already has a portal account: reject the form with that reason.");
        }

        if (!await store.ApproveProfileAsync(id, partner, admins, actor, time.GetUtcNow(), cancellationToken))
        {
            return DeskResult.No("This form was already handled.");
        }

        await audit.RecordAsync(context, actor, partner.Id, AuditActions.ProfileApproved, $"profile {id}", $"partner {partner.Id} created with {admins.Count} administrator(s)");
        await SendFirstLinksAsync(context, actor, partner, admins, newPartner: true, "partner administrator; first sign-in link sent", cancellationToken);
        return DeskResult.Ok;
    }

    /// <summary>
    /// A form from a partner that exists (same id or CCNA, partners.csv ones included) asks for administrators: the
    /// desk's approval adds the form's administrators to that partner, mails each a first sign-in link with the
    /// guides, and changes nothing else about the partner.
    /// </summary>
    private async Task<DeskResult> AddAdministratorsAsync(HttpContext? context, string actor, ProfileSubmission submission, Partner partner, CancellationToken cancellationToken)
    {
        var admins = Administrators(submission.Profile, partner.Id);
        if (await AnyHasAccountAsync(admins, cancellationToken) || !await store.ApproveProfileForExistingAsync(submission.Id, admins, actor, time.GetUtcNow(), cancellationToken))
        {
            return DeskResult.No("An administrator's e-mail address already has a portal account, or the form was handled meanwhile: reject the form with that reason.");
        }

        await audit.RecordAsync(context, actor, partner.Id, AuditActions.ProfileApproved, $"profile {submission.Id}", $"{admins.Count} administrator(s) added to the existing partner {partner.Id}");
        await SendFirstLinksAsync(context, actor, partner, admins, newPartner: false, "partner administrator from a Trading Partner Profile; first sign-in link sent", cancellationToken);
        return DeskResult.Ok;
    }

    /// <summary>Mails each new administrator a first sign-in link with the guides, and audits each as created.</summary>
    private async Task SendFirstLinksAsync(HttpContext? context, string actor, Partner partner, IReadOnlyList<NewPortalUser> admins, bool newPartner, string detail, CancellationToken cancellationToken)
    {
        foreach (var admin in admins)
        {
            var user = (await store.FindUserAsync(admin.Email, cancellationToken))!;
            await mailer.SendAsync(AccountMails.Administrator(settings, partner, user, await links.CreateAsync(user.Id, cancellationToken), newPartner), cancellationToken);
            await audit.RecordAsync(context, actor, partner.Id, AuditActions.UserCreated, user.Email, detail);
        }
    }

    private async Task<bool> AnyHasAccountAsync(IReadOnlyList<NewPortalUser> admins, CancellationToken cancellationToken)
    {
        foreach (var admin in admins)
        {
            if (await store.FindUserAsync(admin.Email, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static List<NewPortalUser> Administrators(TradingPartnerProfile profile, string partner) =>
        new[] { (profile.Admin1Name, profile.Admin1Email), (profile.Admin2Name, profile.Admin2Email) }
            .Where(a => a.Item2.Trim().Length > 0)
            .DistinctBy(a => a.Item2.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(a => new NewPortalUser(a.Item2.Trim(), a.Item1.Trim(), PortalRoles.PartnerAdmin, partner, Privileges.Csr | Privileges.Lsr | Privileges.View))
            .ToList();

    public async Task<DeskResult> RejectAsync(HttpContext? context, string actor, long id, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return DeskResult.No("Give the reason: the carrier receives it.");
        }

        if (await store.FindProfileAsync(id, cancellationToken) is not { } submission || !await store.RejectProfileAsync(id, actor, reason.Trim(), time.GetUtcNow(), cancellationToken))
        {
            return DeskResult.No("This form was already handled.");
        }

        await audit.RecordAsync(context, actor, null, AuditActions.ProfileRejected, $"profile {id}", reason.Trim());
        var body = $"""
            Your Trading Partner Profile for {submission.Profile.Company} ({submission.Profile.PartnerId}) was not approved.

            Reason: {reason.Trim()}

            Correct the form and submit it again at {settings.LinkBase}/Onboarding.
            """;
        await mailer.SendAsync(new PortalMail(submission.Profile.AdminEmails, "Integra portal access: your Trading Partner Profile", body, []), cancellationToken);
        return DeskResult.Ok;
    }
}
