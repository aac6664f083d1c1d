using Integra.Gateway.Bench.PortalLoad;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Integra.Gateway.Bench.ApiLoad;

/// <summary>
/// One partner system on the API with a key of its own: a round is an LSR submitted as JSON with a new PON (and an
/// Idempotency-Key), the answers after its cursor, the orders filtered by that PON, and that order. Every response is
/// read to its end and its status checked; each call is timed to the end of its body.
/// </summary>
internal sealed class ApiLoadClient(int number, Uri portal, string token, ApiLoadErrors errors, LoadAccounts accounts) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = portal, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
    private long _cursor;
    private int _submitted;

    public Dictionary<string, List<double>> Milliseconds { get; } = ApiLoadBench.Calls.ToDictionary(c => c, _ => new List<double>());

    /// <summary>Answers of this client's submissions by their first row's RESPTYP (FOC expected for every one).</summary>
    public Dictionary<string, int> Outcomes { get; } = [];

    public async Task RunAsync(CancellationToken stop, bool record = true)
    {
        while (!stop.IsCancellationRequested)
        {
            await RoundAsync(record);
        }
    }

    public async Task RoundAsync(bool record)
    {
        var pon = string.Create(CultureInfo.InvariantCulture, $"AL{number:D4}-{++_submitted}");
        var answer = await SendAsync("submit POST", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/lsr")
        {
            Content = new StringContent(Lsr(pon, accounts.Next()), Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", pon } },
        }, record);
        if (answer?["rows"]?[0]?["resptyp"]?.GetValue<string>() is not { } outcome)
        {
            errors.Add("submit POST", $"no answer rows for {pon}");
            return;
        }

        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        var feed = await SendAsync("answers GET", () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/answers?after={_cursor}&limit=200"), record);
        _cursor = feed?["next"]?.GetValue<long>() ?? _cursor;
        var orders = await SendAsync("orders GET", () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders?pon={pon}"), record);
        if (orders?["orders"]?[0]?["id"]?.GetValue<long>() is not { } id)
        {
            errors.Add("orders GET", $"{pon} is not in the partner's orders");
            return;
        }

        await SendAsync("order GET", () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{id}"), record);
    }

    /// <summary>A simple port of a load account (its one TN) from ACME (CCNA ACM), due 2026-03-04: an FOC on the bench's Monday.</summary>
    private static string Lsr(string pon, (string An, string Tn) account) => new JsonObject
    {
        ["ccna"] = "ACM", ["pon"] = pon, ["ver"] = "00", ["cc"] = "ACMW", ["nnsp"] = "6001", ["npdi"] = "C", ["reqtyp"] = "CB", ["act"] = "V",
        ["ddd"] = "2026-03-04", ["inittel"] = "5035550900", ["agauth"] = "Y", ["an"] = account.An, ["zip"] = "97201", ["tns"] = new JsonArray(account.Tn),
    }.ToJsonString();

    private async Task<JsonNode?> SendAsync(string call, Func<HttpRequestMessage> request, bool record)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var message = request();
            using var response = await _client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if (record)
            {
                Milliseconds[call].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (!response.IsSuccessStatusCode)
            {
                errors.Add(call, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
                return null;
            }

            return JsonNode.Parse(body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            errors.Add(call, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The failed calls of a run: counted, the first few kept to print.</summary>
internal sealed class ApiLoadErrors
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _first = new();
    private int _count;

    public int Count => _count;

    public IEnumerable<string> First => _first;

    public void Add(string call, string what)
    {
        if (Interlocked.Increment(ref _count) <= 10)
        {
            _first.Enqueue($"{call}: {what}");
        }
    }
}
