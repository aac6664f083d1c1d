using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Portal.Accounts;
using ApiAuditActions = Integra.Gateway.Portal.Api.Keys.ApiAuditActions;
using ApiIdempotency = Integra.Gateway.Portal.Api.ApiIdempotency;
using ApiKeySecret = Integra.Gateway.Portal.Api.Keys.ApiKeySecret;
using Integra.Gateway.Portal.Tests.ApiClient.Models;
using Integra.Gateway.Storage;
using Integra.Gateway.Tests;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Problem = Integra.Gateway.Portal.Tests.ApiClient.Models.ProblemDetails;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// The partner API (SPEC §8) over HTTP through the client generated from docs/api/openapi.json: what the document
/// promises is what the gateway does. Submissions are requests on channel api through the same pipeline as the portal's.
/// </summary>
public sealed class ApiContractTests : IAsyncLifetime
{
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>A simple port of A1001 (one working TN) from ACME (CCNA ACM), due 2026-03-04: FOC on Monday.</summary>
    internal static LsrSubmission Lsr(string pon, string zip = "97201", string tn = "503-555-0101") => new()
    {
        Ccna = "ACM", Pon = pon, Ver = "00", Cc = "ACMW", Nnsp = "6001", Npdi = "C", Reqtyp = "CB", Act = "V", Ddd = "2026-03-04",
        Inittel = "5035550900", Agauth = "Y", An = "A1001", Zip = zip, Tns = [tn],
    };

    /// <summary>An LSR without a PON or a TN: not a request that can be filed.</summary>
    private static LsrSubmission Blank()
    {
        var lsr = Lsr(" ");
        lsr.Tns = [];
        return lsr;
    }

    [Fact]
    public async Task An_LSR_is_one_request_on_channel_api_received_when_accepted_and_answered_with_its_FOC_rows()
    {
        var api = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr));

        var answer = await api.Api.V1.Lsr.PostAsync(Lsr("API-1"));

        var row = Assert.Single(answer!.Rows!);
        Assert.Equal(("FOC", "API-1", "5035550101", "P", "2026-03-04"), (row.Resptyp, row.Pon, row.Tn, row.Lna, row.Dd));
        using var store = _portal.OpenOrders();
        var order = (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "API-1", CancellationToken.None))!;
        var version = store.Orders.Version(order.Id, "00")!;
        Assert.Equal(("api", SubmitTests.Monday), (version.Channel, version.ReceivedAt.ToDateTimeOffset()));
        Assert.Equal(Rules.Model.Channel.Api, store.Origins.OriginOf(order.Id).Channel);
        Assert.Equal(version.FileName[..^4] + ".resp.csv", answer.FileName);
    }

    [Fact]
    public async Task A_repeated_post_with_the_same_Idempotency_Key_gets_the_first_answer_and_another_request_with_it_is_422()
    {
        var api = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr));
        var replayed = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };

        var first = await api.Api.V1.Lsr.PostAsync(Lsr("API-2"), c => c.Headers.Add(ApiIdempotency.Header, "order-2-attempt"));
        var again = await api.Api.V1.Lsr.PostAsync(Lsr("API-2"), c =>
        {
            c.Headers.Add(ApiIdempotency.Header, "order-2-attempt");
            c.Options.Add(replayed);
        });
        var other = await Assert.ThrowsAsync<Problem>(() => api.Api.V1.Lsr.PostAsync(Lsr("API-3"), c => c.Headers.Add(ApiIdempotency.Header, "order-2-attempt")));

        Assert.Equal((first!.Id, first.FileName, "FOC"), (again!.Id, again.FileName, Assert.Single(again.Rows!).Resptyp));
        Assert.Equal(["true"], replayed.ResponseHeaders[ApiIdempotency.ReplayedHeader]);
        Assert.Single(_portal.Intake.Inbox("ACME", 10));
        Assert.Equal(422, other.ResponseStatusCode);
        using var store = _portal.OpenOrders();
        Assert.Null((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "API-3", CancellationToken.None)));
    }

    [Fact]
    public async Task A_reject_is_an_answer_with_REJ_rows_and_a_request_that_cannot_be_filed_is_a_problem_in_the_reject_guides_words()
    {
        var api = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr));

        var rejected = await api.Api.V1.Lsr.PostAsync(Lsr("API-4", zip: "10001"));
        var refused = await Assert.ThrowsAsync<Problem>(() => api.Api.V1.Lsr.PostAsync(Blank()));

        var row = Assert.Single(rejected!.Rows!);
        Assert.Equal(("REJ", "R24", "ZIP"), (row.Resptyp, row.Code, row.Field));
        Assert.Equal((422, "/Docs/Rejects#code-R01", "A required field is blank."), (refused.Status, refused.Type, refused.Title));
        Assert.Equal("R01", refused.AdditionalData["code"]);
        Assert.Contains("pon", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("tns", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_400_problem()
    {
        var token = await _portal.ApiKeyAsync("ACME", Privileges.Lsr);
        var request = _portal.ApiClient(token).Api.V1.Lsr.ToPostRequestInformation(Lsr("API-5"));
        request.SetStreamContent(new MemoryStream("{\"pon\": \"API-5\", \"tns\": ["u8.ToArray()), "application/json");

        var problem = await Assert.ThrowsAsync<Problem>(() => _portal.ApiAdapter(token).SendAsync(
            request, SubmissionAnswer.CreateFromDiscriminatorValue, new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = Problem.CreateFromDiscriminatorValue }));

        Assert.Equal((400, "/Docs/Rejects#code-F01"), (problem.Status, problem.Type));
        Assert.Contains("not the JSON this call takes", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_reads_with_its_versions_answers_TN_status_and_history_and_another_partners_id_is_404()
    {
        var acme = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr | Privileges.View));
        await acme.Api.V1.Lsr.PostAsync(Lsr("API-6"));
        var id = Assert.Single((await acme.Api.V1.Orders.GetAsync(c => c.QueryParameters.Pon = "API-6"))!.Orders!).Id!.Value;

        var order = await acme.Api.V1.Orders[id].GetAsync();
        var bridge = await Assert.ThrowsAsync<Problem>(async () => await _portal.ApiClient(await _portal.ApiKeyAsync("BRIDGE", Privileges.View)).Api.V1.Orders[id].GetAsync());
        var none = await Assert.ThrowsAsync<Problem>(() => acme.Api.V1.Orders[id + 1000].GetAsync());

        Assert.Equal(("Foc", "api", "API-6"), (order!.Order!.State, order.Order.Channel, order.Order.Pon));
        var version = Assert.Single(order.Versions!);
        Assert.Equal(("00", "FOC", "api"), (version.Ver, version.Outcome, version.Channel));
        Assert.Equal("FOC", Assert.Single(version.Answer!).Resptyp);
        var tn = Assert.Single(order.Tns!);
        Assert.Equal(("5035550101", "P", "OPEN"), (tn.Tn, tn.Lna, tn.Status));
        Assert.Contains(order.History!, e => e.State == "Foc");
        Assert.Single(order.Files!);
        Assert.Equal((404, 404), (bridge.Status, none.Status));
        Assert.Equal(none.Title, bridge.Title);
    }

    [Fact]
    public async Task Orders_list_with_the_portals_filters_and_keyset_paging()
    {
        var api = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr | Privileges.View));
        await api.Api.V1.Lsr.PostAsync(Lsr("API-7"));
        await api.Api.V1.Lsr.PostAsync(Lsr("API-8", zip: "10001"));
        await api.Api.V1.Lsr.PostAsync(Lsr("API-9", zip: "10001"));

        var first = await api.Api.V1.Orders.GetAsync(c => c.QueryParameters.Limit = 2);
        var second = await api.Api.V1.Orders.GetAsync(c => (c.QueryParameters.Limit, c.QueryParameters.Cursor) = (2, first!.Next));
        var foc = await api.Api.V1.Orders.GetAsync(c => c.QueryParameters.State = "Foc");
        var byTn = await api.Api.V1.Orders.GetAsync(c => c.QueryParameters.Tn = "(503) 555-0101");
        var bad = await Assert.ThrowsAsync<Problem>(() => api.Api.V1.Orders.GetAsync(c => c.QueryParameters.State = "Pending"));

        Assert.Equal(["API-9", "API-8"], first!.Orders!.Select(o => o.Pon));
        Assert.Equal(["API-7"], second!.Orders!.Select(o => o.Pon));
        Assert.Null(second.Next);
        Assert.Equal(["API-7"], foc!.Orders!.Select(o => o.Pon));
        Assert.Equal(["API-7"], byTn!.Orders!.Select(o => o.Pon));
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task The_feed_lists_answers_after_the_cursor_oldest_first_and_a_key_without_VIEW_reads_only_its_own()
    {
        var viewer = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr | Privileges.View, "viewer"));
        var submitter = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr, "submitter"));
        var a = await viewer.Api.V1.Lsr.PostAsync(Lsr("API-10"));
        var b = await submitter.Api.V1.Lsr.PostAsync(Lsr("API-11", zip: "10001"));

        var all = await viewer.Api.V1.Answers.GetAsync();
        var after = await viewer.Api.V1.Answers.GetAsync(c => c.QueryParameters.After = all!.Next);
        var own = await submitter.Api.V1.Answers.GetAsync();
        var firstOnly = await viewer.Api.V1.Answers.GetAsync(c => c.QueryParameters.Limit = 1);

        Assert.Equal([a!.Id, b!.Id], all!.Answers!.Select(x => x.Id));
        Assert.Equal(b.Id, all.Next);
        Assert.Equal(["FOC", "REJ"], all.Answers!.Select(x => x.Rows![0].Resptyp));
        Assert.Empty(after!.Answers!);
        Assert.Equal(all.Next, after.Next);
        Assert.Equal([b.Id], own!.Answers!.Select(x => x.Id));
        Assert.Equal([a.Id], firstOnly!.Answers!.Select(x => x.Id));
    }

    [Fact]
    public async Task Each_privilege_refuses_what_it_does_not_give_with_a_403_problem()
    {
        var viewOnly = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.View));
        var lsrOnly = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr));
        var csrOnly = _portal.ApiClient(await _portal.ApiKeyAsync("PORTCO", Privileges.Csr));
        using var lsrFile = new MemoryStream(await File.ReadAllBytesAsync(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv")));

        var refusals = new[]
        {
            await Assert.ThrowsAsync<Problem>(() => viewOnly.Api.V1.Lsr.PostAsync(Lsr("API-12"))),
            await Assert.ThrowsAsync<Problem>(() => viewOnly.Api.V1.Csr.PostAsync(new CsrSubmission { Ccna = "ACM", Pon = "C-1", Agauth = "Y", Inittel = "5035550900", An = "A1001" })),
            await Assert.ThrowsAsync<Problem>(() => viewOnly.Api.V1.Files.PostAsync(lsrFile, "text/csv", c => c.QueryParameters.Name = "batch.lsr.csv")),
            await Assert.ThrowsAsync<Problem>(() => lsrOnly.Api.V1.Orders.GetAsync()),
            await Assert.ThrowsAsync<Problem>(() => lsrOnly.Api.V1.Orders[1].GetAsync()),
            await Assert.ThrowsAsync<Problem>(() => csrOnly.Api.V1.Lsr.PostAsync(Lsr("API-13"))),
        };

        Assert.All(refusals, p => Assert.Equal(403, p.Status));
        Assert.Contains("LSR privilege", refusals[0].Detail, StringComparison.Ordinal);
        Assert.Contains("VIEW privilege", refusals[3].Detail, StringComparison.Ordinal);
        using var store = _portal.OpenOrders();
        Assert.Null((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "API-12", CancellationToken.None)));
    }

    [Fact]
    public async Task Without_a_usable_key_every_call_is_a_401_problem_and_each_use_of_a_key_is_audited_with_its_name()
    {
        var token = await _portal.ApiKeyAsync("ACME", Privileges.Lsr | Privileges.View, "billing system");
        var key = (await _portal.ApiStore.FindKeyAsync(ApiKeySecret.KeyIdOf(token)!, CancellationToken.None))!.Value.Key;
        await _portal.ApiClient(token).Api.V1.Answers.GetAsync();

        var none = await Assert.ThrowsAsync<Problem>(() => _portal.ApiClient(null).Api.V1.Answers.GetAsync());
        var wrong = await Assert.ThrowsAsync<Problem>(() => _portal.ApiClient(token[..^4] + "AAAA").Api.V1.Answers.GetAsync());
        var expired = await Assert.ThrowsAsync<Problem>(async () => await _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.View, expiresAt: SubmitTests.Monday)).Api.V1.Answers.GetAsync());
        Assert.True(await _portal.ApiStore.RevokeAsync("ACME", key.Id, "admin@acme.example", SubmitTests.Monday, CancellationToken.None));
        var revoked = await Assert.ThrowsAsync<Problem>(() => _portal.ApiClient(token).Api.V1.Answers.GetAsync());

        Assert.All(new[] { none, wrong, expired, revoked }, p => Assert.Equal(401, p.Status));
        Assert.Equal(("The key has expired.", "The key was revoked."), (expired.Detail, revoked.Detail));
        // A call is audited when its response is complete, which may be just after the client has read it.
        Assert.True(await Eventually.Until(async () => (await _portal.Store.AuditAsync("ACME", 50, default)).Any(r => r.Action == ApiAuditActions.Call), TimeSpan.FromSeconds(10)));
        var audit = await _portal.Store.AuditAsync("ACME", 50, default);
        var call = Assert.Single(audit, r => r.Action == ApiAuditActions.Call);
        Assert.Equal(($"api-key:billing system ({key.KeyId})", "GET /api/v1/answers", "status 200"), (call.Actor, call.Target, call.Detail));
        Assert.Contains(audit, r => r.Action == ApiAuditActions.Refused && r.Detail == "The key was revoked.");
        Assert.DoesNotContain(audit, r => r.Actor.Contains(token, StringComparison.Ordinal) || r.Detail.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_file_uploads_as_is_and_a_CSR_carries_its_LOA_inline()
    {
        var acme = _portal.ApiClient(await _portal.ApiKeyAsync("ACME", Privileges.Lsr));
        var portco = _portal.ApiClient(await _portal.ApiKeyAsync("PORTCO", Privileges.Csr));
        using var lsrFile = new MemoryStream(await File.ReadAllBytesAsync(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv")));
        using var notes = new MemoryStream("just notes"u8.ToArray());
        var pdf = await File.ReadAllBytesAsync(Path.Combine(Repo.SampleDrop("PORTCO"), "loa-a1001.pdf"));

        var batch = await acme.Api.V1.Files.PostAsync(lsrFile, "text/csv", c => c.QueryParameters.Name = "acme-20260302.lsr.csv");
        var unknown = await acme.Api.V1.Files.PostAsync(notes, "text/csv", c => c.QueryParameters.Name = "notes.txt");
        var csr = await portco.Api.V1.Csr.PostAsync(new CsrSubmission { Ccna = "PRT", Pon = "API-CSR-1", Agauth = "Y", Inittel = "5035550900", An = "A1002", Loa = new LoaDocumentJson { FileName = "loa.pdf", Content = pdf } });
        var noLoa = await portco.Api.V1.Csr.PostAsync(new CsrSubmission { Ccna = "PRT", Pon = "API-CSR-2", Agauth = "Y", Inittel = "5035550900", An = "A1002" });

        Assert.Equal("acme-20260302.lsr.resp.csv", batch!.FileName);
        Assert.Contains(batch.Rows!, r => r.Resptyp == "FOC" && r.Pon == "ACME-1001");
        Assert.Equal(("REJ", "F03"), (Assert.Single(unknown!.Rows!).Resptyp, unknown.Rows![0].Code));
        Assert.Equal(4, csr!.Rows!.Count(r => r.Resptyp == "CSR" && r.Pon == "API-CSR-1"));
        Assert.Equal(("REJ", "R11"), (Assert.Single(noLoa!.Rows!).Resptyp, noLoa.Rows![0].Code));
    }

    [Fact]
    public async Task Past_the_keys_limit_a_call_is_a_429_problem_with_Retry_After_and_other_keys_go_on()
    {
        await using var portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday), configure: s => s.ApiPermits = 3);
        var busy = portal.ApiClient(await portal.ApiKeyAsync("ACME", Privileges.View));
        var other = portal.ApiClient(await portal.ApiKeyAsync("ACME", Privileges.View));
        var retryAfter = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };

        for (var i = 0; i < 3; i++)
        {
            await busy.Api.V1.Answers.GetAsync();
        }

        // Kiota's retry handler would wait for Retry-After and call again: this call is to see the 429 itself.
        var limited = await Assert.ThrowsAsync<Problem>(() => busy.Api.V1.Answers.GetAsync(c =>
        {
            c.Options.Add(retryAfter);
            c.Options.Add(new RetryHandlerOption { MaxRetry = 0 });
        }));

        Assert.Equal((429, "Too many calls with this key."), (limited.Status, limited.Title));
        Assert.True(int.Parse(Assert.Single(retryAfter.ResponseHeaders["Retry-After"]), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.NotNull(await other.Api.V1.Answers.GetAsync());
    }
}
