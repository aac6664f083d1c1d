using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// <c>Idempotency-Key</c> (SPEC §8): a repeated POST gets the first answer, as a double-posted portal form does.
/// Two layers, so that no crash or race submits twice: the key names the submission's form id (a hash of partner and
/// key), which the portal intake claims in the same unit of work as the decision (a second post of the key finds that
/// answer even if this process died before the next step); and the first answer is kept with the hash of the request
/// that got it, so a repeat is answered without the pipeline and the same key with another request is refused (422).
/// </summary>
public sealed class ApiIdempotency(IApiStore store, PortalClock clock)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a replayed answer.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Submits with <paramref name="submit"/> (given the form id to use) once per key, and answers with the first answer.
    /// Without a key every call is a new submission.
    /// </summary>
    public async Task<IResult> RunAsync(HttpContext http, ApiCaller caller, string requestHash, Func<string, Task<PortalAnswer>> submit)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return Answer(await submit(FormIds.New()));
        }

        if (key.Length > 200 || key.Any(c => c is < ' ' or > '~'))
        {
            return TypedResults.Problem(ApiProblems.BadIdempotencyKey());
        }

        if (await store.FindAnswerAsync(caller.Partner, key, http.RequestAborted) is { } kept)
        {
            return Replay(http, kept, requestHash);
        }

        var answer = await submit(FormId(caller.Partner, key));
        // Not cancelled with the request: the submission is made, and its answer must be kept for the repeat that follows.
        var first = await store.KeepAnswerAsync(caller.Partner, key, new IdempotentAnswer(requestHash, StatusCodes.Status200OK, JsonSerializer.Serialize(Of(answer), Json), clock.Now), CancellationToken.None);
        return first.RequestHash == requestHash
            ? Results.Content(first.Body, "application/json", Encoding.UTF8, first.Status)
            : TypedResults.Problem(ApiProblems.IdempotencyMismatch());
    }

    /// <summary>The hash that tells two requests apart: of what they submit, not of their bytes (a multipart boundary differs every time).</summary>
    public static string Hash(string call, RequestForm form, UploadedFile? document)
    {
        var text = JsonSerializer.Serialize(new
        {
            call,
            kind = form.Kind.ToString(),
            form.Name,
            rows = form.Rows.Select(r => r.OrderBy(c => c.Key).Select(c => new[] { c.Key.ToString(), c.Value })),
            document = document is null ? null : new { document.Name, sha256 = Convert.ToHexStringLower(SHA256.HashData(document.Content)) },
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The hash of an uploaded file: its name and bytes.</summary>
    public static string Hash(string call, UploadedFile file) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{call}\n{file.Name}\n{Convert.ToHexStringLower(SHA256.HashData(file.Content))}")));

    public static SubmissionAnswer Of(PortalAnswer answer) =>
        new(answer.Id, answer.FileName, answer.DeliveredAt, answer.Rows.Select(r => new ResponseRowJson(r.RespTyp, r.Ccna, r.Pon, r.Ver, r.LsrNo, r.An, r.Tn, r.Lna, r.Dd, r.Code, r.Field, r.Message, r.Customer, r.Address, r.Services, r.Contact)).ToList());

    private static Ok<SubmissionAnswer> Answer(PortalAnswer answer) => TypedResults.Ok(Of(answer));

    private static IResult Replay(HttpContext http, IdempotentAnswer kept, string requestHash)
    {
        if (kept.RequestHash != requestHash)
        {
            return TypedResults.Problem(ApiProblems.IdempotencyMismatch());
        }

        http.Response.Headers[ReplayedHeader] = "true";
        return Results.Content(kept.Body, "application/json", Encoding.UTF8, kept.Status);
    }

    // A form id as FormIds makes them (32 hex digits), the same for the same partner and key.
    private static string FormId(string partner, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"api\n{partner}\n{key}")))[..32];
}
