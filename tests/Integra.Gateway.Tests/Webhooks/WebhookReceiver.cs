using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Tests.Webhooks;

/// <summary>
/// A partner's webhook receiver: a Kestrel on a free loopback port that keeps every POST (headers and the exact body
/// bytes) and answers with what <see cref="Answer"/> says for the event id and how often that id came (1 first).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Delivery> _received = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The status (and its time) for the <c>n</c>-th POST of an event id; 200 unless set.</summary>
    public Func<string, int, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    public string Url { get; private set; } = string.Empty;

    /// <summary>Every POST so far, in arrival order.</summary>
    public IReadOnlyList<Delivery> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Urls.Single() + "/hook";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var id = context.Request.Headers["Integra-Event-Id"].ToString();
        int n;
        lock (_received)
        {
            n = _seen[id] = _seen.GetValueOrDefault(id) + 1;
        }

        var status = await Answer(id, n);
        lock (_received)
        {
            _received.Add(new Delivery(
                id,
                context.Request.Headers["Integra-Timestamp"].ToString(),
                context.Request.Headers["Integra-Signature"].ToString(),
                context.Request.ContentType ?? string.Empty,
                body.ToArray(),
                status));
        }

        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One POST as the receiver got it, and what it answered.</summary>
    internal sealed record Delivery(string EventId, string Timestamp, string Signature, string ContentType, byte[] Body, int Answered)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Type => Json.GetProperty("type").GetString()!;

        public string? Pon => Json.GetProperty("order").ValueKind == JsonValueKind.Null ? null : Json.GetProperty("order").GetProperty("pon").GetString();

        /// <summary>
        /// Checks the signature as a partner's receiver would, with nothing of the gateway's code: the header's
        /// <c>t</c> is the timestamp header, and <c>v1</c> is HMAC-SHA256 of <c>t + "." + body</c> under the secret.
        /// </summary>
        public bool SignedWith(string secret)
        {
            var parts = Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            if (parts["t"] != Timestamp)
            {
                return false;
            }

            byte[] signed = [.. Encoding.UTF8.GetBytes(Timestamp + "."), .. Body];
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(mac)), Encoding.ASCII.GetBytes(parts["v1"]));
        }
    }
}
