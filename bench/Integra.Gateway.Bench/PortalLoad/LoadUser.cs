using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Integra.Gateway.Storage.Orders;

namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>
/// One signed-in partner user as a browser drives the portal: its own cookies (session, anti-forgery), no redirects
/// followed, every response read to its end and its status checked. A round is: the LSR form, its submit with a new
/// PON, the inbox, the submission's answer page, the orders filtered by that PON, the order's page.
/// </summary>
internal sealed partial class LoadUser(int number, Uri portal, LoadErrors errors, LoadAccounts accounts) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal };
    private int _submitted;

    public Latencies Latencies { get; } = new();

    /// <summary>Answers of this user's submissions by their first row's RESPTYP (FOC expected for every one).</summary>
    public Dictionary<string, int> Outcomes { get; } = [];

    public string Email => $"load{number:D4}@acme.example";

    /// <summary>Signs in with the password over the sign-in form, as a browser does; false when the portal refused.</summary>
    public async Task<bool> SignInAsync(string password)
    {
        var page = await _client.GetStringAsync("/Account/SignIn");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = Email,
            ["password"] = password,
            ["__RequestVerificationToken"] = Token(page) ?? string.Empty,
        });
        using var response = await _client.PostAsync("/Account/SignIn", content);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>Rounds until <paramref name="stop"/>; with <paramref name="record"/> false (the warm-up) nothing is timed.</summary>
    public async Task RunAsync(CancellationToken stop, bool record = true)
    {
        while (!stop.IsCancellationRequested)
        {
            await RoundAsync(record);
        }
    }

    public async Task RoundAsync(bool record)
    {
        var form = await SendAsync(RequestType.LsrForm, () => new HttpRequestMessage(HttpMethod.Get, "/Partner/Submit/Lsr"), record);
        var token = form is null ? null : Token(form);
        var formId = form is null ? null : FormIdField().Match(form);
        if (token is null || formId is not { Success: true })
        {
            errors.Add(RequestType.LsrForm, "no anti-forgery token or form id on the form");
            return;
        }

        var pon = string.Create(CultureInfo.InvariantCulture, $"LD{number:D4}-{++_submitted}");
        var (an, tn) = accounts.Next();
        var answer = await SendAsync(RequestType.LsrSubmit, () => new HttpRequestMessage(HttpMethod.Post, "/Partner/Submit/Lsr") { Content = new FormUrlEncodedContent(Lsr(pon, an, tn, token, formId.Groups[1].Value)) }, record);
        var answerId = answer is null ? null : AnswerId().Match(answer);
        if (answer is null || answerId is not { Success: true })
        {
            errors.Add(RequestType.LsrSubmit, $"no answer on the page for {pon}");
            return;
        }

        var outcome = OutcomeRow().Match(answer) is { Success: true } m ? m.Groups[1].Value : "none";
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        await SendAsync(RequestType.Inbox, () => new HttpRequestMessage(HttpMethod.Get, "/Partner/Inbox"), record);
        await SendAsync(RequestType.Answer, () => new HttpRequestMessage(HttpMethod.Get, $"/Partner/Inbox/Answer?id={answerId.Groups[1].Value}"), record);
        var orders = await SendAsync(RequestType.Orders, () => new HttpRequestMessage(HttpMethod.Get, $"/Partner/Orders?Pon={pon}"), record);
        if (orders is null || OrderRow().Match(orders) is not { Success: true } order)
        {
            errors.Add(RequestType.Orders, $"{pon} is not in the partner's orders");
            return;
        }

        await SendAsync(RequestType.OrderDetail, () => new HttpRequestMessage(HttpMethod.Get, $"/Partner/Orders/Detail?id={order.Groups[1].Value}"), record);
    }

    /// <summary>
    /// A simple port of a load account (<see cref="LoadAccounts"/>: one working TN) from ACME (CCNA ACM), due 2026-03-04: a FOC on the bench's Monday
    /// (the fields as the form renders them, as tests/…/SubmitTests.cs posts them).
    /// </summary>
    private static Dictionary<string, string> Lsr(string pon, string an, string tn, string token, string formId) => new()
    {
        ["F[CCNA]"] = "ACM", ["F[PON]"] = pon, ["F[VER]"] = "00", ["F[CC]"] = "ACMW", ["F[NNSP]"] = "6001", ["F[NPDI]"] = "C",
        ["F[REQTYP]"] = "CB", ["F[ACT]"] = "V", ["F[DDD]"] = "2026-03-04", ["F[INITTEL]"] = "5035550900", ["F[AGAUTH]"] = "Y",
        ["F[AN]"] = an, ["F[ZIP]"] = "97201", ["Tns"] = tn,
        ["__RequestVerificationToken"] = token, ["FormId"] = formId,
    };

    /// <summary>One request, timed to the end of its body; a status other than 2xx/3xx or a failure is an error (null).</summary>
    private async Task<string?> SendAsync(RequestType type, Func<HttpRequestMessage> request, bool record)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var message = request();
            using var response = await _client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if (record)
            {
                Latencies.Add(type, Stopwatch.GetElapsedTime(started));
            }

            if ((int)response.StatusCode >= 400)
            {
                errors.Add(type, $"{(int)response.StatusCode} {response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
                return null;
            }

            return body;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            errors.Add(type, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    private static string? Token(string page) => TokenField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"FormId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdField();

    [GeneratedRegex("/Partner/Inbox/Download\\?id=([0-9]+)\" id=\"download\"")]
    private static partial Regex AnswerId();

    [GeneratedRegex("<tr data-order=\"([0-9]+)\">")]
    private static partial Regex OrderRow();

    [GeneratedRegex("<tr class=\"resp-[a-z]+\">\\s*<td>([A-Z]+)</td>")]
    private static partial Regex OutcomeRow();
}
