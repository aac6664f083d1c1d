using System.CommandLine;
using System.Net.Mail;
using Integra.Gateway.Configuration;
using Integra.Gateway.Portal;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Cli;

/// <summary>
/// <c>portal add-staff --email ADDRESS --role admin|desk [--name NAME] [--db DB] [--config FILE]</c>: creates an
/// Integra staff account (the first staff admin has no other way in) and prints its one-time sign-in link. There is
/// no default password: the link's page asks for one. Its settings are checked and its store opened through the
/// command's host (<see cref="CommandHost"/>), as for every other command.
/// <c>portal add-partner-admin --partner ID --email ADDRESS [--name NAME] [--data DIR] [--db DB]</c>: adds a partner
/// administrator to any partner, partners.csv ones included (SPEC §7), and prints the first sign-in link; bad input is
/// exit 2 with one line.
/// </summary>
internal static class PortalCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The staff member's e-mail address (the sign-in name)", Required = true };
        var role = new Option<string>("--role") { Description = "admin or desk", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the e-mail address)" };
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var addStaff = new Command("add-staff", "Create a staff account and print its one-time sign-in link") { email, role, name, db };
        addStaff.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var wantedRole = parse.GetValue(role)!.Trim().ToLowerInvariant();
            if (wantedRole is not (PortalRoles.Admin or PortalRoles.Desk))
            {
                throw new UsageException("--role must be admin or desk");
            }

            if (!MailAddress.TryCreate(parse.GetValue(email)!.Trim(), out var address))
            {
                throw new UsageException($"--email '{parse.GetValue(email)}' is not an e-mail address");
            }

            var commandSettings = CommandSettings.Load(parse);
            using var host = CommandHost.Build(commandSettings, dataOption: null, parse.GetValue(db), NodaTime.SystemClock.Instance);
            var settings = commandSettings.Configuration.Section<PortalSettings>();
            var store = host.OpenPortalStore();
            var now = TimeProvider.System.GetUtcNow();
            var user = await store.AddUserAsync(new NewPortalUser(address.Address, parse.GetValue(name) ?? address.Address, wantedRole, null, Privileges.None), now, cancellationToken)
                ?? throw new UsageException($"{address.Address} already has a portal account");
            await store.AddAuditAsync(new AuditEntry(now, "command line", null, AuditActions.StaffCreated, user.Email, $"{wantedRole} by portal add-staff", Environment.MachineName), cancellationToken);
            var link = await new SignInLinks(store, settings, TimeProvider.System).CreateAsync(user.Id, cancellationToken);
            Console.Out.WriteLine($"Staff {wantedRole} {user.Email} created. One-time sign-in link (valid {settings.LinkLifetime.TotalDays:0} days):");
            Console.Out.WriteLine(link);
            return ExitCodes.Done;
        }));
        return new Command("portal", "Partner portal administration") { addStaff, AddPartnerAdmin() };
    }

    private static Command AddPartnerAdmin()
    {
        var partner = new Option<string>("--partner") { Description = "The partner's id (partners.csv or onboarded)", Required = true };
        var email = new Option<string>("--email") { Description = "The administrator's e-mail address (the sign-in name)", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the e-mail address)" };
        var data = new Option<string?>("--data") { Description = "Reference data directory (default: Gateway:DataDirectory)" };
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var command = new Command("add-partner-admin", "Add an administrator to a partner and print the first sign-in link") { partner, email, name, data, db };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var wanted = parse.GetValue(email)!.Trim();
            if (!MailAddress.TryCreate(wanted, out var address) || address.Address != wanted)
            {
                throw new UsageException($"--email '{parse.GetValue(email)}' is not an e-mail address");
            }

            var commandSettings = CommandSettings.Load(parse);
            var reference = commandSettings.LoadReferenceData(parse.GetValue(data));
            using var host = CommandHost.Build(commandSettings, parse.GetValue(data), parse.GetValue(db), NodaTime.SystemClock.Instance, reference);
            var settings = commandSettings.Configuration.Section<PortalSettings>();
            var store = host.OpenPortalStore();
            var id = parse.GetValue(partner)!.Trim();
            var found = await new PartnerDirectory(() => reference, store).FindAsync(id, cancellationToken)
                ?? throw new UsageException($"--partner '{id}' is not a partner (partners.csv or onboarded)");
            var now = TimeProvider.System.GetUtcNow();
            var user = await store.AddUserAsync(new NewPortalUser(address.Address, parse.GetValue(name)?.Trim() is { Length: > 0 } n ? n : address.Address, PortalRoles.PartnerAdmin, found.Id, Privileges.Csr | Privileges.Lsr | Privileges.View), now, cancellationToken)
                ?? throw new UsageException($"{address.Address} already has a portal account");
            await store.AddAuditAsync(new AuditEntry(now, "command line", found.Id, AuditActions.UserCreated, user.Email, "partner administrator by portal add-partner-admin", Environment.MachineName), cancellationToken);
            var link = await new SignInLinks(store, settings, TimeProvider.System).CreateAsync(user.Id, cancellationToken);
            Console.Out.WriteLine($"Administrator {user.Email} of {found.Id} created. One-time sign-in link (valid {settings.LinkLifetime.TotalDays:0} days):");
            Console.Out.WriteLine(link);
            return ExitCodes.Done;
        }));
        return command;
    }
}
