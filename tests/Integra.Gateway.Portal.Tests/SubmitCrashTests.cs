using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Tests;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Orders;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Exactly once across a crash in the middle of a form submission (issue 17), as the drop's crash tests do it: the
/// submission is stopped at a step (what a killed process leaves: nothing uncommitted survives), the portal is started
/// again on the same database, and the partner posts the same form again (back and resubmit). Never two orders; the
/// answer is in the inbox.
/// </summary>
public sealed class SubmitCrashTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(PortalSubmitStep.Claimed, false)]
    [InlineData(PortalSubmitStep.Decided, false)]
    [InlineData(PortalSubmitStep.Committed, true)]
    internal async Task A_crash_in_the_middle_of_a_submission_leaves_no_order_or_one_answered_order_never_two(PortalSubmitStep step, bool answered)
    {
        var database = _dir.File("gateway.db");
        var time = new FakeTimeProvider(SubmitTests.Monday);
        var cookies = new CookieContainer();
        RenderedForm form;
        await using (var before = await PortalHarness.StartAsync(database, time))
        {
            using var client = await before.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr, cookies);
            form = await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr");
            before.Intake.Crash = s => _ = s == step ? throw new SimulatedCrash(step) : 0;

            var crashed = await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, SubmitTests.Lsr("CRASH-1"));
            Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        }

        await using var after = await PortalHarness.StartAsync(database, time);
        using (var store = after.OpenOrders())
        {
            var order = (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "CRASH-1", CancellationToken.None));
            Assert.Equal(answered, order is not null);
            Assert.Equal(answered ? 1 : 0, after.Intake.Inbox("ACME", 10).Count);
        }

        using var again = after.Client(cookies);
        var page = await (await PortalHarness.PostAsync(again, "/Partner/Submit/Lsr", form, SubmitTests.Lsr("CRASH-1"))).Content.ReadAsStringAsync();

        Assert.Contains("<td>FOC</td><td>CRASH-1</td>", page, StringComparison.Ordinal);
        Assert.Equal(answered, page.Contains("id=\"repeated\"", StringComparison.Ordinal));
        using var final = after.OpenOrders();
        Assert.Single(final.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "CRASH-1"));
        Assert.Equal("00", final.Orders.LatestVer((await final.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "CRASH-1", CancellationToken.None))!.Id));
        Assert.Contains(Assert.Single(after.Intake.Inbox("ACME", 10)).Rows, r => r.RespTyp == "FOC" && r.Pon == "CRASH-1");
    }

    private sealed class SimulatedCrash(PortalSubmitStep step) : Exception($"simulated crash at {step}");
}
