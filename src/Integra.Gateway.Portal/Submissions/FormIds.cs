using System.Security.Cryptography;

namespace Integra.Gateway.Portal.Submissions;

/// <summary>
/// The id each rendered submission form carries (issue 17 exactly-once): posting the same form twice is one request.
/// Random, so a partner cannot guess or collide with another form's id; checked for shape before it is used.
/// </summary>
public static class FormIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True for an id <see cref="New"/> could have made (32 lower-case hex digits).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
