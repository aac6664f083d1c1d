using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// A request body read by the API itself rather than by the framework's binder, so that a body over the limit and a
/// body that is not JSON each get their problem details (the binder answers both with an empty 400).
/// The limit is Kestrel's (the portal's upload limit), which refuses a longer body while it is read.
/// </summary>
public static class ApiBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body's bytes, or the problem of a body over the limit.</summary>
    public static async Task<(byte[]? Bytes, ProblemDetails? Problem)> ReadAsync(HttpContext http, long limit, CancellationToken cancellationToken)
    {
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.TooLarge(limit));
        }
    }

    /// <summary>The body as <typeparamref name="T"/>, or the problem of a body over the limit or not that JSON.</summary>
    public static async Task<(T? Value, ProblemDetails? Problem)> ReadJsonAsync<T>(HttpContext http, long limit, CancellationToken cancellationToken)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, ApiProblems.BadJson("Send the request as application/json."));
        }

        var (bytes, problem) = await ReadAsync(http, limit, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json) is { } value ? (value, null) : (null, ApiProblems.BadJson("The body is JSON null, not a request."));
        }
        catch (JsonException e)
        {
            // The serializer's message names the path and position (e.g. "$.tns | LineNumber: 3"), never a value.
            return (null, ApiProblems.BadJson($"The body is not the JSON this call takes: {e.Message}"));
        }
    }
}
