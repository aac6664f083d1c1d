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
    public static IEnumerable<string> FindAll(string text) => Locate(text).Select(found => found.Tn);

    /// <summary>
    /// <see cref="FindAll"/> with where each number stands in <paramref name="text"/> (start and length of what was
    /// written), for readers that must also look at the words around it (L9a).
    /// </summary>
    public static IEnumerable<(int Index, int Length, string Tn)> Locate(string text)
    {
        foreach (Match m in TnInText().Matches(text))
        {
            if (TryNormalize(m.Value, out var tn))
            {
                yield return (m.Index, m.Length, tn);
            }
        }
    }

    /// <summary>The number as people write it, <c>612-555-0103</c>, for messages that show a partner what to write.</summary>
    public static string Dashed(string tn) => $"{tn[..3]}-{tn[3..6]}-{tn[6..]}";

    [GeneratedRegex(@"(?<!\d)\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}(?!\d)")]
    private static partial Regex TnInText();
}
