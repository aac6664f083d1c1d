using System.Text.RegularExpressions;

namespace Integra.Gateway.Rules.Model;

/// <summary>10-digit NANP telephone numbers: NPA and NXX start with 2–9.</summary>
public static partial class TelephoneNumber
{
    /// <summary>
    /// Strips the separators partners use (<c>- . space ( )</c>) and checks the result is a NANP number.
    /// Returns false for anything else, including 11-digit numbers with a leading 1.
    /// </summary>
    public static bool TryNormalize(string raw, out string tn)
    {
        Span<char> digits = stackalloc char[16];
        var n = 0;
        foreach (var c in raw)
        {
            if (c is '-' or '.' or ' ' or '(' or ')')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || n == digits.Length)
            {
                tn = string.Empty;
                return false;
            }

            digits[n++] = c;
        }

        if (n != 10 || digits[0] < '2' || digits[3] < '2')
        {
            tn = string.Empty;
            return false;
        }

        // A number sent as plain digits is its own normal form: no second copy per TN row.
        tn = raw.Length == 10 ? raw : new string(digits[..10]);
        return true;
    }

    /// <summary>Every NANP number written in free text (REMARKS), normalized, in order of appearance.</summary>
    public static IEnumerable<string> FindAll(string text)
    {
        foreach (Match m in TnInText().Matches(text))
        {
            if (TryNormalize(m.Value, out var tn))
            {
                yield return tn;
            }
        }
    }

    [GeneratedRegex(@"(?<!\d)\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}(?!\d)")]
    private static partial Regex TnInText();
}
