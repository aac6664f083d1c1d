using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Tests;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The portal's stories over HTTP: first staff admin, partner users, onboarding, documents.</summary>
[Collection(CommandLine.Name)]
public sealed class StoryTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_add_staff_command_prints_a_one_time_link_that_signs_the_admin_in_once()
    {
        string[] args = ["portal", "add-staff", "--email", "Boss@Integra.example", "--role", "admin", "--db", _portal.Database];
        var (code, output) = await Cli(args);
        Assert.Equal(0, code);
        var link = output.Split('\n').Single(l => l.Contains("/Account/SetPassword?token=", StringComparison.Ordinal)).Trim();
        var path = new Uri(link).PathAndQuery;
        var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var staff = (await _portal.Store.FindUserAsync("boss@integra.example", default))!;
        Assert.Null(staff.PasswordHash);
        Assert.Equal(PortalRoles.Admin, staff.Role);

        using var client = _portal.Client();
        var set = await PortalHarness.PostFormAsync(client, path, new Dictionary<string, string> { ["token"] = token, ["password"] = Password, ["confirm"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("Onboarding queue", await client.GetStringAsync("/"), StringComparison.Ordinal);

        using var again = _portal.Client();
        Assert.Contains("used already or has expired", await again.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(again, "boss@integra.example", Password)).StatusCode);

        Assert.Equal(2, (await Cli(args)).Code);
    }

    [Fact]
    public async Task A_partner_administrator_creates_a_user_with_LSR_who_signs_in_through_the_mailed_link()
    {
        await _portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        using var admin = _portal.Client();
        await PortalHarness.SignInAsync(admin, "admin@acme.example", Password);
        Assert.Contains("Integra recommends two", await admin.GetStringAsync("/Partner/Users"), StringComparison.Ordinal);

        var created = await PortalHarness.PostFormAsync(admin, "/Partner/Users", new Dictionary<string, string> { ["email"] = "lsr@acme.example", ["name"] = "Lee", ["privileges"] = "LSR" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var user = (await _portal.Store.FindUserAsync("lsr@acme.example", default))!;
        Assert.Equal(("ACME", PortalRoles.PartnerUser, Privileges.Lsr), (user.Partner, user.Role, user.Privileges));

        var link = new Uri(_portal.LinkSentTo("lsr@acme.example"));
        using var lee = _portal.Client();
        var token = link.Query[(link.Query.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var set = await PortalHarness.PostFormAsync(lee, link.PathAndQuery, new Dictionary<string, string> { ["token"] = token, ["password"] = Password, ["confirm"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("user of ACME (LSR)", await lee.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lee.GetAsync("/Partner/Users")).StatusCode);

        var audit = await _portal.Store.AuditAsync("ACME", 50, default);
        Assert.Contains(audit, e => e is { Action: "user-created", Actor: "admin@acme.example", Target: "lsr@acme.example" });
        Assert.Contains(audit, e => e is { Action: "sign-in", Actor: "lsr@acme.example" });
    }

    [Fact]
    public async Task A_Trading_Partner_Profile_is_queued_due_in_3_business_days_and_approval_creates_the_partner_and_mails_its_administrators()
    {
        // Friday 2027-11-26 10:00 in Denver, the day after Thanksgiving: due Wednesday 2027-12-01 10:00.
        _portal.Time.SetUtcNow(new DateTimeOffset(2027, 11, 26, 17, 0, 0, TimeSpan.Zero));
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var carrier = _portal.Client();
        var submitted = await PortalHarness.PostFormAsync(carrier, "/Onboarding", Form("NWC", "admin1@newco.example", "admin2@newco.example"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var submission = Assert.Single((await _portal.Store.ProfilesAsync(default)));
        Assert.Equal(new DateTimeOffset(2027, 12, 1, 17, 0, 0, TimeSpan.Zero), submission.DueAt);

        using var desk = _portal.Client();
        await PortalHarness.SignInAsync(desk, "desk@integra.example", Password);
        Assert.DoesNotContain("PAST DUE", await desk.GetStringAsync("/Staff"), StringComparison.Ordinal);
        _portal.Time.SetUtcNow(new DateTimeOffset(2027, 12, 1, 17, 0, 1, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Redirect, (await desk.GetAsync("/Staff")).StatusCode); // 8 hours idle end a session
        await PortalHarness.SignInAsync(desk, "desk@integra.example", Password);
        Assert.Contains("PAST DUE", await desk.GetStringAsync("/Staff"), StringComparison.Ordinal);

        var approve = await PortalHarness.PostFormAsync(desk, $"/Staff/Profile?id={submission.Id}", new Dictionary<string, string>(), $"/Staff/Profile?id={submission.Id}&handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        var partner = Assert.Single((await _portal.Store.ApprovedPartnersAsync(default)));
        Assert.Equal(("NWC", "NWC", "New Co Wireless"), (partner.Id, partner.Ccna, partner.Name));
        foreach (var address in new[] { "admin1@newco.example", "admin2@newco.example" })
        {
            var mail = _portal.Mails().Single(m => m.To.Mailboxes.Single().Address == address);
            Assert.Equal(new[] { "administrator-user-guide.html", "partner-user-guide.html" }, mail.Attachments.Select(a => a.ContentDisposition?.FileName ?? string.Empty).ToArray());
            Assert.Equal(PortalRoles.PartnerAdmin, (await _portal.Store.FindUserAsync(address, default))!.Role);
            Assert.NotEmpty(_portal.LinkSentTo(address));
        }

        var twice = await PortalHarness.PostFormAsync(desk, $"/Staff/Profile?id={submission.Id}", new Dictionary<string, string>(), $"/Staff/Profile?id={submission.Id}&handler=Approve");
        Assert.Contains("already handled", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await _portal.Store.ApprovedPartnersAsync(default)));
    }

    [Fact]
    public async Task Status_counts_the_profiles_past_due()
    {
        var desk = (OnboardingDesk)_portal.App.Services.GetService(typeof(OnboardingDesk))!;
        var profile = new TradingPartnerProfile();
        foreach (var (field, value) in Form("NWC", "a@newco.example", "b@newco.example"))
        {
            typeof(TradingPartnerProfile).GetProperty(field["Profile.".Length..])!.SetValue(profile, value);
        }

        var early = await _portal.Store.AddProfileAsync(ProfileSources.Page, profile, DateTimeOffset.UtcNow - TimeSpan.FromDays(10), DateTimeOffset.UtcNow - TimeSpan.FromDays(5), default);
        await desk.SubmitAsync(null, ProfileSources.Page, profile, default);

        var (code, output) = await Cli(["status", "--db", _portal.Database]);

        Assert.Equal(0, code);
        Assert.Contains("Trading Partner Profiles past due (not handled within 3 business days): 1", output, StringComparison.Ordinal);
        Assert.True(early.IsPastDue(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_rejected_profile_mails_the_reason_and_an_existing_CCNA_is_offered_as_its_administrators()
    {
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var carrier = _portal.Client();
        await PortalHarness.PostFormAsync(carrier, "/Onboarding", Form("ACM", "a@acme2.example", "b@acme2.example"));
        var id = Assert.Single((await _portal.Store.ProfilesAsync(default))).Id;
        using var desk = _portal.Client();
        await PortalHarness.SignInAsync(desk, "desk@integra.example", Password);

        Assert.Contains("Add these administrators to ACME", await desk.GetStringAsync($"/Staff/Profile?id={id}"), StringComparison.Ordinal);
        Assert.Empty((await _portal.Store.ApprovedPartnersAsync(default)));

        var reject = await PortalHarness.PostFormAsync(desk, $"/Staff/Profile?id={id}", new Dictionary<string, string> { ["reason"] = "CCNA ACM belongs to Acme Wireless" }, $"/Staff/Profile?id={id}&handler=Reject");
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        var mail = Assert.Single(_portal.Mails());
        Assert.Contains("CCNA ACM belongs to Acme Wireless", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(ProfileStates.Rejected, (await _portal.Store.FindProfileAsync(id, default))!.State);
    }

    [Fact]
    public async Task An_incomplete_profile_is_refused_with_the_fields_to_fix()
    {
        var fields = Form("NWC", "admin1@newco.example", "not an address");
        fields.Remove("Profile.Spids");
        using var carrier = _portal.Client();

        var response = await PortalHarness.PostFormAsync(carrier, "/Onboarding", fields);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SPIDs field is required", page, StringComparison.Ordinal);
        Assert.Contains("not a valid e-mail address", page, StringComparison.Ordinal);
        Assert.Empty((await _portal.Store.ProfilesAsync(default)));
    }

    [Fact]
    public async Task A_profile_saved_in_the_access_request_folder_is_queued_and_a_broken_one_set_aside()
    {
        var folder = _portal.Settings.AccessRequestFolder;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "newco.csv"), string.Join(',', ProfileCsv.Header) + "\nNew Co Wireless,NWC,WIRELESS,NWC1,Ann,admin1@newco.example,406-555-0100,Bob,admin2@newco.example,406-555-0101,SFTP,NOC 406-555-0199\n");
        File.WriteAllText(Path.Combine(folder, "broken.csv"), "COMPANY,CCNA\nHalf,XY\n");
        var worker = new AccessRequestFolderWorker(_portal.Settings, (OnboardingDesk)_portal.App.Services.GetService(typeof(OnboardingDesk))!, Microsoft.Extensions.Logging.Abstractions.NullLogger<AccessRequestFolderWorker>.Instance);

        Assert.Equal(1, await worker.ScanOnceAsync(default));

        var queued = Assert.Single((await _portal.Store.ProfilesAsync(default)));
        Assert.Equal((ProfileSources.Folder, "NWC", "SFTP"), (queued.Source, queued.Profile.PartnerId, queued.Profile.Channel));
        Assert.Empty(Directory.GetFiles(folder, "*.csv"));
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "processed")));
        Assert.Contains(Directory.GetFiles(Path.Combine(folder, "error")), f => f.EndsWith("broken.csv.why.txt", StringComparison.Ordinal));
        Assert.Equal(0, await worker.ScanOnceAsync(default));
    }

    [Fact]
    public async Task Every_document_downloads_from_the_codes_own_tables()
    {
        await _portal.AddUserAsync("user@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        using var client = _portal.Client();
        await PortalHarness.SignInAsync(client, "user@acme.example", Password);

        var guide = await client.GetStringAsync("/Docs/Rejects?handler=Csv");
        var codes = typeof(RejectCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(codes.Count + 1, guide.TrimEnd().Split('\n').Length);
        Assert.All(codes, c => Assert.Contains("\n" + c + ",", guide, StringComparison.Ordinal));

        var contacts = await client.GetStringAsync("/Docs/Contacts?handler=Csv");
        Assert.Equal(File.ReadAllLines(Path.Combine(Repo.SampleData, "contacts.csv")).Count(l => l.Length > 0), contacts.TrimEnd().Split('\n').Length);
        Assert.Contains("MN,Eschelon Telecom,", contacts, StringComparison.Ordinal);

        var template = await client.GetAsync("/Docs/LsrTemplate");
        Assert.Equal("lsr-form.lsr.csv", template.Content.Headers.ContentDisposition!.FileNameStar ?? template.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith(string.Join(',', FieldNames.LsrColumns.Select(f => f.Name())), await template.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("Administrator User Guide", await client.GetStringAsync("/Docs/Guide?name=admin-guide"), StringComparison.Ordinal);
        Assert.Contains("Partner User Guide", await client.GetStringAsync("/Docs/Guide?name=user-guide"), StringComparison.Ordinal);
        Assert.StartsWith(string.Join(',', ProfileCsv.Header), await _portal.Client().GetStringAsync("/Onboarding/Template"), StringComparison.Ordinal);
        Assert.Contains("Escalation contact", await _portal.Client().GetStringAsync("/Onboarding/Printable"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_read_and_export_the_audit_trail()
    {
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var client = _portal.Client();
        await PortalHarness.SignInAsync(client, "nobody@nowhere.example", "wrong");
        await PortalHarness.SignInAsync(client, "desk@integra.example", Password);

        var csv = await client.GetStringAsync("/Staff/Audit?handler=Csv");

        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal("AT,ACTOR,PARTNER,ACTION,TARGET,DETAIL,ADDRESS", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.Contains(",desk@integra.example,,sign-in,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",nobody@nowhere.example,,sign-in-failed,", StringComparison.Ordinal));
    }

    /// <summary>The command line in this process (the test assembly's output lacks the executable's own dependencies).</summary>
    private static async Task<(int Code, string Output)> Cli(string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            return (await Integra.Gateway.Cli.GatewayCli.InvokeAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    internal static Dictionary<string, string> Form(string ccna, string admin1, string admin2) => new()
    {
        ["Profile.Company"] = "New Co Wireless",
        ["Profile.Ccna"] = ccna,
        ["Profile.PartnerType"] = "WIRELESS",
        ["Profile.Spids"] = "NWC1 NWC2",
        ["Profile.Admin1Name"] = "Ann Admin",
        ["Profile.Admin1Email"] = admin1,
        ["Profile.Admin1Phone"] = "406-555-0100",
        ["Profile.Admin2Name"] = "Bob Backup",
        ["Profile.Admin2Email"] = admin2,
        ["Profile.Admin2Phone"] = "406-555-0101",
        ["Profile.Channel"] = "SFTP",
        ["Profile.Escalation"] = "NOC 406-555-0199",
    };
}
