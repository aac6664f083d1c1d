using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// A CSR request with its LOA as a multipart part (SPEC §8). Plain HTTP, not the generated client: Kiota 1.38 drops the
/// form fields of a multipart body described as allOf (the fields' schema and the file part), so it cannot send this call.
/// </summary>
public sealed class ApiMultipartTests : IAsyncLifetime
{
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_CSR_with_its_LOA_as_a_part_gets_its_CSR_rows_and_the_same_post_again_is_the_first_answer()
    {
        var token = await _portal.ApiKeyAsync("PORTCO", Privileges.Csr);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(Repo.SampleDrop("PORTCO"), "loa-a1001.pdf"));

        var first = await PostAsync(token, pdf, "csr-parts-1");
        var again = await PostAsync(token, pdf, "csr-parts-1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var rows = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["rows"]!.AsArray();
        Assert.Equal(4, rows.Count(r => r!["resptyp"]!.GetValue<string>() == "CSR"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(_portal.Intake.Inbox("PORTCO", 10));
    }

    private async Task<HttpResponseMessage> PostAsync(string token, byte[] pdf, string idempotencyKey)
    {
        using var client = _portal.Client();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("PRT"), "ccna" },
            { new StringContent("API-CSR-PARTS"), "pon" },
            { new StringContent("Y"), "agauth" },
            { new StringContent("5035550900"), "inittel" },
            { new StringContent("A1002"), "an" },
            { new ByteArrayContent(pdf), "loa", "loa.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/csr/multipart") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }
}
