using System.Text.RegularExpressions;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// What REMARKS says about the TNs of the account (SPEC §4 "REMARKS clauses"). A clause starts at one of the
/// words DISC/DISCONNECT (disconnect), KEEP/RETAIN/REMAIN/REMAINS (keep), PORT or PARTIAL, and ends at the next
/// <c>;</c>, at a <c>.</c> followed by a space, a line break or the end (a dot between digits belongs to a TN), at
/// a line break, or where the next clause starts. Only the TNs inside a clear disconnect clause are disconnected: a
/// carrier that writes "DISC 612-555-0103; keep 612-555-0104" must never lose 0104, and one that writes
/// "DISC 612-555-0103, NOT 612-555-0104" is asked to say it clearly (L9a, <see cref="DisconnectClause"/>).
/// </summary>
/// <param name="Disconnects">The TNs of the clear disconnect clauses: the only TNs that get LNA D.</param>
/// <param name="Keeps">The TNs of the keep clauses.</param>
/// <param name="DeclaresPartialPort">REMARKS declares a partial port (a keep clause, PARTIAL not negated, PORT … ONLY).</param>
/// <param name="Unclear">The disconnect clauses L9a refuses; none of their TNs is in <paramref name="Disconnects"/>.</param>
public sealed partial record RemarksClauses(
    IReadOnlyList<string> Disconnects,
    IReadOnlyList<string> Keeps,
    bool DeclaresPartialPort,
    IReadOnlyList<UnclearDisconnect> Unclear)
{
    /// <summary>How many distinct REMARKS texts <see cref="Read"/> remembers before it starts again.</summary>
    private const int Remembered = 1024;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RemarksClauses> Recent = new(StringComparer.Ordinal);

    public static RemarksClauses None { get; } = new([], [], false, []);

    /// <summary>
    /// <see cref="Parse"/>, remembering recent texts: a partner's file repeats the same REMARKS on thousands of
    /// requests, and parsing it takes several regular expressions each time. The result is immutable and depends
    /// only on the text, so sharing it changes nothing but the time.
    /// </summary>
    public static RemarksClauses Read(string remarks)
    {
        if (remarks.Length == 0)
        {
            return None;
        }

        if (Recent.TryGetValue(remarks, out var known))
        {
            return known;
        }

        if (Recent.Count >= Remembered)
        {
            Recent.Clear();
        }

        return Recent.GetOrAdd(remarks, Parse);
    }

    /// <summary>Reads <paramref name="remarks"/>; any text is accepted (unknown words are information only).</summary>
    public static RemarksClauses Parse(string remarks)
    {
        if (remarks.Length == 0)
        {
            return None;
        }

        var disconnects = new List<string>();
        var keeps = new List<string>();
        var unclear = new List<UnclearDisconnect>();
        var partial = PartialWordNotNegated(remarks);
        foreach (var segment in Segments(remarks))
        {
            var starts = ClauseWord().Matches(segment);
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1].Index : segment.Length;
                var clause = segment[starts[i].Index..end];
                switch (starts[i].Value.ToUpperInvariant())
                {
                    case "DISC" or "DISCONNECT" when !Negated(segment, starts[i].Index):
                        var keepWordAfter = i + 1 < starts.Count ? KeepWordWithoutTn(segment, starts, i + 1) : null;
                        if (DisconnectClause.Read(clause, keepWordAfter) is { } doubt)
                        {
                            unclear.Add(doubt);
                        }
                        else
                        {
                            disconnects.AddRange(TelephoneNumber.FindAll(clause));
                        }

                        break;
                    case "KEEP" or "RETAIN" or "REMAIN" or "REMAINS":
                        keeps.AddRange(TelephoneNumber.FindAll(clause));
                        partial = true;
                        break;
                    case "PORT":
                        partial |= OnlyWord().IsMatch(clause);
                        break;
                }
            }
        }

        return new RemarksClauses(disconnects.Distinct().ToList(), keeps.Distinct().ToList(), partial, unclear);
    }

    /// <summary>The text between terminators: <c>;</c>, line breaks, and a dot followed by white space or the end.</summary>
    private static IEnumerable<string> Segments(string remarks)
    {
        var start = 0;
        for (var i = 0; i < remarks.Length; i++)
        {
            var c = remarks[i];
            var ends = c is ';' or '\n' or '\r'
                || (c == '.' && (i + 1 == remarks.Length || char.IsWhiteSpace(remarks[i + 1])));
            if (ends)
            {
                yield return remarks[start..i];
                start = i + 1;
            }
        }

        yield return remarks[start..];
    }

    /// <summary>
    /// "DO NOT DISC 612-555-0104" or "no disconnect" is not a disconnect clause. The negation stands before DISC, outside
    /// the clause L9a reads; reading it as a disconnect would take the number the carrier means to keep (README, choices).
    /// </summary>
    private static bool Negated(string segment, int wordStart)
    {
        var before = Word().Matches(segment[..wordStart]).Select(m => m.Value.ToUpperInvariant()).TakeLast(2);
        return before.Any(w => w is "NOT" or "NO" or "DONT" or "DON");
    }

    /// <summary>The word of the keep clause starting at clause <paramref name="k"/>, when that clause names no TN.</summary>
    private static string? KeepWordWithoutTn(string segment, MatchCollection starts, int k)
    {
        if (starts[k].Value.ToUpperInvariant() is not ("KEEP" or "RETAIN" or "REMAIN" or "REMAINS"))
        {
            return null;
        }

        var end = k + 1 < starts.Count ? starts[k + 1].Index : segment.Length;
        return TelephoneNumber.FindAll(segment[starts[k].Index..end]).Any() ? null : starts[k].Value;
    }

    /// <summary>PARTIAL declares a partial port unless NOT or NO is one of the two words before it.</summary>
    private static bool PartialWordNotNegated(string remarks)
    {
        var words = Word().Matches(remarks).Select(m => m.Value.ToUpperInvariant()).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] != "PARTIAL")
            {
                continue;
            }

            var negated = words.Skip(Math.Max(0, i - 2)).Take(Math.Min(i, 2)).Any(w => w is "NOT" or "NO");
            if (!negated)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(DISCONNECT|DISC|KEEP|RETAIN|REMAINS|REMAIN|PORT|PARTIAL)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseWord();

    [GeneratedRegex(@"\bONLY\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyWord();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Word();
}
