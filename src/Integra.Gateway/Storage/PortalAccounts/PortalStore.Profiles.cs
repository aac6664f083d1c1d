using System.Text.Json;
using Dapper;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>Trading Partner Profiles (onboarding's queue) and the partners their approval creates.</summary>
public sealed partial class PortalStore
{
    private const string ApprovedPartnersSql = "SELECT id, ccna, name, type, emails FROM portal_partners ORDER BY id";

    public Task<ProfileSubmission> AddProfileAsync(string source, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        stores.RunAsync("portal: add profile", async (uow, token) =>
        {
            var id = await uow.Connection.ExecuteScalarAsync<long>(uow.Command(
                "INSERT INTO portal_profiles (source, form, received_at, due_at, state) VALUES (@source, @form, @received, @due, @state) RETURNING id",
                new { source, form = JsonSerializer.Serialize(profile), received = Text(receivedAt), due = Text(dueAt), state = ProfileStates.Received },
                token)).ConfigureAwait(false);
            return Profile(await uow.Connection.QuerySingleAsync<ProfileRow>(uow.Command(ProfileColumns + "WHERE id = @id", new { id }, token)).ConfigureAwait(false));
        }, cancellationToken);

    public Task<(ProfileSubmission Submission, bool Added)> AddProfileOnceAsync(string source, string formId, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        stores.RunAsync("portal: add profile", async (uow, token) =>
        {
            // Two posts of one form at once: the unique form_id lets exactly one insert through, the other reads it.
            var added = await uow.Connection.QuerySingleOrDefaultAsync<long?>(uow.Command(
                "INSERT INTO portal_profiles (source, form, received_at, due_at, state, form_id) VALUES (@source, @form, @received, @due, @state, @formId) ON CONFLICT (form_id) DO NOTHING RETURNING id",
                new { source, form = JsonSerializer.Serialize(profile), received = Text(receivedAt), due = Text(dueAt), state = ProfileStates.Received, formId },
                token)).ConfigureAwait(false);
            var row = await uow.Connection.QuerySingleAsync<ProfileRow>(uow.Command(ProfileColumns + "WHERE form_id = @formId", new { formId }, token)).ConfigureAwait(false);
            return (Profile(row), added is not null);
        }, cancellationToken);

    public Task<ProfileSubmission?> FindProfileAsync(long id, CancellationToken cancellationToken) =>
        QuerySingleAsync<ProfileRow, ProfileSubmission>("portal: profile", ProfileColumns + "WHERE id = @id", new { id }, Profile, cancellationToken);

    public async Task<IReadOnlyList<ProfileSubmission>> ProfilesAsync(CancellationToken cancellationToken) =>
        [.. (await QueryAsync<ProfileRow, ProfileSubmission>("portal: profiles", ProfileColumns + "ORDER BY id", null, Profile, cancellationToken).ConfigureAwait(false))
            .OrderBy(p => p.State == ProfileStates.Received ? 0 : 1)
            .ThenBy(p => p.State == ProfileStates.Received ? p.DueAt.UtcTicks : -(p.DecidedAt ?? p.ReceivedAt).UtcTicks)];

    public async Task<ProfileSubmission?> ApprovedProfileOfAsync(string partner, CancellationToken cancellationToken) =>
        // The partner id is inside the form's JSON, so the approved ones (few) are read and matched here.
        (await QueryAsync<ProfileRow, ProfileSubmission>("portal: approved profiles", ProfileColumns + "WHERE state = @approved ORDER BY id", new { approved = ProfileStates.Approved }, Profile, cancellationToken).ConfigureAwait(false))
            .Where(p => string.Equals(p.Profile.PartnerId, partner, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.DecidedAt)
            .FirstOrDefault();

    public async Task<bool> RejectProfileAsync(long id, string by, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "portal: reject profile",
            "UPDATE portal_profiles SET state = @state, decided_at = @at, decided_by = @by, reason = @reason WHERE id = @id AND state = @received",
            new { id, by, reason, at = Text(at), state = ProfileStates.Rejected, received = ProfileStates.Received },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<bool> ApproveProfileAsync(long id, Partner partner, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        stores.RunAsync("portal: approve profile", async (uow, token) =>
        {
            await using var transaction = await uow.BeginAsync(token).ConfigureAwait(false);
            var decided = await uow.Connection.ExecuteAsync(uow.Command(
                "UPDATE portal_profiles SET state = @state, decided_at = @at, decided_by = @by WHERE id = @id AND state = @received",
                new { id, by, at = Text(at), state = ProfileStates.Approved, received = ProfileStates.Received },
                token)).ConfigureAwait(false);
            var taken = await uow.Connection.ExecuteScalarAsync<long>(uow.Command("SELECT COUNT(*) FROM portal_partners WHERE id = @Id OR ccna = @Ccna", new { partner.Id, partner.Ccna }, token)).ConfigureAwait(false);
            if (decided != 1 || taken > 0)
            {
                return false;
            }

            await uow.Connection.ExecuteAsync(uow.Command(
                "INSERT INTO portal_partners (id, ccna, name, type, emails, profile_id, created_at) VALUES (@Id, @Ccna, @Name, @type, @emails, @profile, @at)",
                new { partner.Id, partner.Ccna, partner.Name, type = partner.Type.ToString(), emails = string.Join(';', partner.Emails), profile = id, at = Text(at) },
                token)).ConfigureAwait(false);
            return await CommitWithAdministratorsAsync(uow, transaction, administrators, at, token).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> ApproveProfileForExistingAsync(long id, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        stores.RunAsync("portal: approve profile", async (uow, token) =>
        {
            await using var transaction = await uow.BeginAsync(token).ConfigureAwait(false);
            var decided = await uow.Connection.ExecuteAsync(uow.Command(
                "UPDATE portal_profiles SET state = @state, decided_at = @at, decided_by = @by, reason = @reason WHERE id = @id AND state = @received",
                new { id, by, at = Text(at), state = ProfileStates.Approved, received = ProfileStates.Received, reason = "administrators added to the existing partner" },
                token)).ConfigureAwait(false);
            return decided == 1 && await CommitWithAdministratorsAsync(uow, transaction, administrators, at, token).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyList<Partner>> ApprovedPartnersAsync(CancellationToken cancellationToken) =>
        QueryAsync<PartnerRow, Partner>("portal: approved partners", ApprovedPartnersSql, null, Approved, cancellationToken);

    /// <summary>Adds the administrators and commits; false (the caller's transaction rolled back) when an address is taken.</summary>
    private static async Task<bool> CommitWithAdministratorsAsync(IUnitOfWork uow, IStoreTransaction transaction, IReadOnlyList<NewPortalUser> administrators, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var administrator in administrators)
        {
            if (await InsertUserAsync(uow, administrator, at, cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Partner Approved(PartnerRow r) =>
        new(r.Id, r.Ccna, r.Name, Enum.Parse<PartnerType>(r.Type), r.Emails.Split(';', StringSplitOptions.RemoveEmptyEntries), null, null);
}
