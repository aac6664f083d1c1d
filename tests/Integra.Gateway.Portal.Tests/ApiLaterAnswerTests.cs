using Integra.Gateway.Lifecycle;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime.Extensions;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// SPEC §1 "Where answers go" for the API channel: a later answer to an order submitted through the API (the sweep's
/// CAN E01) is delivered once on channel api, into the partner's answers, where the feed after the submission's cursor
/// has it and a key without VIEW that submitted the order reads it too.
/// </summary>
public sealed class ApiLaterAnswerTests : IAsyncLifetime
{
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_sweeps_cancel_of_an_API_order_reaches_the_feed_once_after_the_submissions_cursor()
    {
        var api = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr));
        var submitted = await api.Api.V1.Lsr.PostAsync(ApiContractTests.Lsr("API-LATER-1"));

        _portal.Time.Advance(TimeSpan.FromDays(9));
        using (var store = _portal.OpenOrders())
        {
            var data = _portal.Gateway.Services.GetRequiredService<ReferenceDataSource>().Current;
            var sweep = new ExpirySweep(data, _portal.Gateway.Services.GetRequiredService<PolicyOptions>(), store);
            Assert.Equal(1, (await sweep.RunAsync(_portal.Time.GetUtcNow().ToInstant(), CancellationToken.None)).Expired);
        }

        Assert.Equal(1, await _portal.Intake.DeliverLaterAnswersAsync(CancellationToken.None));
        Assert.Equal(0, await _portal.Intake.DeliverLaterAnswersAsync(CancellationToken.None));

        var feed = await api.Api.V1.Answers.GetAsync(c => c.QueryParameters.After = submitted!.Id);
        var later = Assert.Single(feed!.Answers!);
        var row = Assert.Single(later.Rows!);
        Assert.Equal(("CAN", "E01", "API-LATER-1", "5035550101"), (row.Resptyp, row.Code, row.Pon, row.Tn));
    }
}
