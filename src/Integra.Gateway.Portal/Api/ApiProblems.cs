using Integra.Gateway.Rules.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The API's errors as problem details (RFC 9457). Where a request is refused before it becomes a request file, the
/// problem speaks the reject resolution guide's words (<see cref="RejectCodeGuide"/>): its <c>type</c> is the guide's
/// entry on the portal, its <c>title</c> the code's meaning, and <c>code</c> the code. A request the rules reject is not a
/// problem: it is answered 200 with its REJ rows (SPEC §8).
/// </summary>
public static class ApiProblems
{
    /// <summary>The guide page whose anchors are the codes.</summary>
    public const string GuidePath = "/Docs/Rejects";

    public static ProblemDetails Unauthorized(string detail) => Plain(StatusCodes.Status401Unauthorized, "The call carries no usable API key.", detail);

    public static ProblemDetails Forbidden(string detail) => Plain(StatusCodes.Status403Forbidden, "The key may not make this call.", detail);

    /// <summary>Not found, and the same for another partner's order (whether it exists is not this partner's business).</summary>
    public static ProblemDetails NotFound(string detail) => Plain(StatusCodes.Status404NotFound, "Not found.", detail);

    /// <summary>A request body that is not the JSON this call takes: the guide's F01 (the file could not be read).</summary>
    public static ProblemDetails BadJson(string detail) => Reject(StatusCodes.Status400BadRequest, RejectCodes.Unreadable, detail);

    /// <summary>A body over the upload limit: the guide's F04.</summary>
    public static ProblemDetails TooLarge(long limit) =>
        Reject(StatusCodes.Status413PayloadTooLarge, RejectCodes.TooLarge, $"The body is over {limit} bytes, the largest request the gateway takes.");

    /// <summary>A required field missing, so that the request cannot be filed (no PON, no TN): the guide's R01, each field named.</summary>
    public static ProblemDetails MissingFields(IReadOnlyDictionary<string, string[]> fields)
    {
        var problem = Reject(StatusCodes.Status422UnprocessableEntity, RejectCodes.MissingField, string.Join(" ", fields.SelectMany(f => f.Value)));
        problem.Extensions["errors"] = fields;
        return problem;
    }

    /// <summary>The same Idempotency-Key with another request than the one it first answered.</summary>
    public static ProblemDetails IdempotencyMismatch() =>
        Plain(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another request.", "Use a new Idempotency-Key for a new request; the same key with the same request returns its first answer.");

    public static ProblemDetails BadIdempotencyKey() =>
        Plain(StatusCodes.Status400BadRequest, "The Idempotency-Key is not usable.", "An Idempotency-Key is 1 to 200 printable ASCII characters, e.g. a UUID.");

    public static ProblemDetails TooManyRequests(TimeSpan? retryAfter) =>
        Plain(StatusCodes.Status429TooManyRequests, "Too many calls with this key.", retryAfter is { } r ? $"Try again in {Math.Ceiling(r.TotalSeconds)} s." : "Try again later.");

    /// <summary>Writes <paramref name="problem"/> as <c>application/problem+json</c>.</summary>
    public static Task Write(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    private static ProblemDetails Reject(int status, string code, string detail)
    {
        var entry = RejectCodeGuide.Entries.Single(e => e.Code == code);
        var problem = new ProblemDetails { Status = status, Type = $"{GuidePath}#code-{code}", Title = entry.Meaning, Detail = detail };
        problem.Extensions["code"] = code;
        problem.Extensions["fix"] = entry.Fix;
        return problem;
    }

    private static ProblemDetails Plain(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
