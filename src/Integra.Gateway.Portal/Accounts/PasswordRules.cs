using System.IO.Compression;

namespace Integra.Gateway.Portal.Accounts;

/// <summary>
/// SPEC §7's password rules (NIST SP 800-63B): at least 12 characters (at most 200), not the user's e-mail address,
/// its local part or the user's name, and not in a list of common passwords. No composition rules. The list is
/// <c>Accounts/Data/common-passwords-12plus.txt.gz</c> (43,940 breached passwords of 12+ characters; see its README),
/// compared without case.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 200;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>How many common passwords the list holds (for the tests and the README).</summary>
    public static int CommonCount => Common.Value.Count;

    /// <summary>What is wrong with <paramref name="password"/> for this user, in words; null when it is acceptable.</summary>
    public static string? Problem(string? password, string email, string name)
    {
        if (password is null || password.Length < MinLength)
        {
            return $"The password needs at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"The password may have at most {MaxLength} characters.";
        }

        var plain = Plain(password);
        var own = new[] { email, email.Split('@')[0], name }.Select(Plain).Where(s => s.Length > 0);
        if (own.Any(s => s == plain))
        {
            return "The password may not be your e-mail address or your name.";
        }

        if (Common.Value.Contains(password.ToLowerInvariant()) || Common.Value.Contains(plain))
        {
            return "That password is in a list of common passwords that attackers try first. Choose another (a few unrelated words make a good one).";
        }

        return null;
    }

    // Case and spaces do not make a password different from the address or name it copies.
    private static string Plain(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant).ToArray());

    private static HashSet<string> Load()
    {
        using var resource = typeof(PasswordRules).Assembly.GetManifestResourceStream("Integra.Gateway.Portal.common-passwords-12plus.txt.gz")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the portal assembly.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words;
    }
}
