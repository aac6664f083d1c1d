using Integra.Gateway.Lifecycle;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime.Extensions;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// SPEC §1 "Where answers go": a later answer to an order that came through the portal (here the sweep's CAN E01)
/// reaches the partner's portal inbox through the portal channel's delivery, once, however often it runs.
/// </summary>
public sealed class LaterAnswerTests : IAsyncLifetime
{
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_sweeps_cancels_of_a_portal_order_reach_the_portal_inbox_once()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr | Privileges.View);
        await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr"), SubmitTests.Lsr("LATER-1"));

        // FOC 2026-03-04; expired once the local date is past FOC + 4 business days (the session has long ended by then).
        _portal.Time.Advance(TimeSpan.FromDays(9));
        using (var store = _portal.OpenOrders())
        {
            var data = _portal.Gateway.Services.GetRequiredService<ReferenceDataSource>().Current;
            var sweep = new ExpirySweep(data, _portal.Gateway.Services.GetRequiredService<PolicyOptions>(), store);
            Assert.Equal(1, (await sweep.RunAsync(_portal.Time.GetUtcNow().ToInstant(), CancellationToken.None)).Expired);
        }

        Assert.Equal(1, await _portal.Intake.DeliverLaterAnswersAsync(CancellationToken.None));
        Assert.Equal(0, await _portal.Intake.DeliverLaterAnswersAsync(CancellationToken.None));

        var inbox = _portal.Intake.Inbox("ACME", 10);
        Assert.Equal(2, inbox.Count);
        Assert.Contains(inbox[0].Rows, r => r is { RespTyp: "CAN", Code: "E01", Pon: "LATER-1", Tn: "5035550101" });
        using var later = _portal.Client();
        await PortalHarness.SignInAsync(later, "lsr@acme.example", "correct horse battery");
        Assert.Contains("CAN 1", await later.GetStringAsync("/Partner/Inbox"), StringComparison.Ordinal);
    }
}
