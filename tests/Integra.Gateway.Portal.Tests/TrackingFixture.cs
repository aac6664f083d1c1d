using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Tests;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// One portal with the orders of two partners, made by their own channels: ACME's sample file by SFTP on Monday, a
/// new order by e-mail on Wednesday and supplements of it and of ACME-1001 (a cancel) by SFTP after; BIGSKY's sample
/// file by SFTP, its expedite approved by the desk; an NPAC activation of one of ACME's TNs; and a user of each kind.
/// The tests only read.
/// </summary>
public sealed class TrackingFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    /// <summary>Monday 2026-03-02 10:00 in Denver.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Wednesday = Monday.AddDays(2);

    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,PASSCODE,TN,SUP,EXP,MI,REMARKS,D/TSENT,AUTHNM,DATED,STATE";

    /// <summary>ACME's Wednesday e-mail: a new order ACME-2001 in Montana (the one state that may e-mail LSRs).</summary>
    public const string AcmeMail = $"""
        {Header}
        ACM,ACME-2001,00,ACMW,6001,C,CB,V,2026-03-20,4065550900,Y,A1004,59601,,406-555-0101,,,,,2026-03-04T08:00:00-07:00,Kim Ortiz,2026-03-03,MT

        """;

    /// <summary>ACME's Wednesday SFTP file after the e-mail: SUP 1 cancels ACME-1001, SUP 2 moves ACME-2001 to 2026-03-23.</summary>
    public const string AcmeSupplements = $"""
        {Header}
        ACM,ACME-1001,01,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,,503-555-0101,1,,,,,,,OR
        ACM,ACME-2001,01,ACMW,6001,C,CB,V,2026-03-23,4065550900,Y,A1004,59601,,406-555-0101,2,,,,2026-03-04T08:30:00-07:00,Kim Ortiz,2026-03-03,MT

        """;

    internal PortalHarness Portal { get; private set; } = null!;

    /// <summary>What the SFTP channel delivered for ACME's Monday file.</summary>
    internal FileOutcome AcmeSftp { get; private set; } = null!;

    /// <summary>What the mail channel delivered for ACME's Wednesday e-mail.</summary>
    internal FileOutcome AcmeEmail { get; private set; } = null!;

    /// <summary>What the SFTP channel delivered for ACME's Wednesday supplements.</summary>
    internal FileOutcome AcmeSupplementsSftp { get; private set; } = null!;

    internal FileOutcome BigSkySftp { get; private set; } = null!;

    internal ReviewAnswer BigSkyReview { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(Monday));
        AcmeSftp = await Portal.ReceiveAsync("ACME", Channel.Sftp, "acme-20260302.lsr.csv", File.ReadAllText(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv")));
        Portal.Time.SetUtcNow(Monday.AddMinutes(5));
        BigSkySftp = await Portal.ReceiveAsync("BIGSKY", Channel.Sftp, "bigsky-0302.lsr.csv", File.ReadAllText(Path.Combine(Repo.SampleDrop("BIGSKY"), "bigsky-0302.lsr.csv")));
        Portal.Time.SetUtcNow(Wednesday);
        AcmeEmail = await Portal.ReceiveAsync("ACME", Channel.Email, "acme-0304.lsr.csv", AcmeMail);
        Portal.Time.SetUtcNow(Wednesday.AddMinutes(10));
        AcmeSupplementsSftp = await Portal.ReceiveAsync("ACME", Channel.Sftp, "acme-0304b.lsr.csv", AcmeSupplements);
        await Portal.ImportActivationsAsync("6125550101,6001,2026-03-04T16:00:00Z");
        BigSkyReview = await Portal.ApproveExpediteAsync("BIGSKY", "BSK-3003", new LocalDate(2026, 3, 5));

        await Portal.AddUserAsync("viewer@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        await Portal.AddUserAsync("orders@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.Lsr | Privileges.View);
        await Portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        await Portal.AddUserAsync("viewer@bigsky.example", PortalRoles.PartnerUser, "BIGSKY", Password, Privileges.View | Privileges.Lsr);
        await Portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
    }

    /// <summary>A client signed in as <paramref name="email"/>.</summary>
    internal async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Portal.Client();
        var signIn = await PortalHarness.SignInAsync(client, email, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
