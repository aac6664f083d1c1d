using System.Text.RegularExpressions;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// A disconnect clause L9a refuses (SPEC §4): Integra never disconnects on unclear text, so none of its TNs is
/// disconnected, and the partner is shown the clear form built from the clause's own TNs.
/// </summary>
/// <param name="Clause">The clause as written, from DISC on.</param>
/// <param name="Reason">What makes it unclear, quoting the partner's words.</param>
/// <param name="Tns">Every TN of the clause, in order.</param>
/// <param name="Disconnect">The TNs the clause seems to disconnect: shown after DISC in the clear form, never acted on.</param>
/// <param name="Keep">The TNs the clause seems to keep: shown in a KEEP clause in the clear form.</param>
public sealed record UnclearDisconnect(string Clause, string Reason, IReadOnlyList<string> Tns, IReadOnlyList<string> Disconnect, IReadOnlyList<string> Keep)
{
    /// <summary>How the partner says the same without doubt: <c>DISC 612-555-0103; KEEP 612-555-0104</c>.</summary>
    public string ClearForm =>
        (Disconnect.Count, Keep.Count) switch
        {
            (0, 0) => "DISC 612-555-0103; KEEP 612-555-0104",
            (0, _) => $"DISC <the numbers to disconnect>; KEEP {List(Keep)}",
            (_, 0) => $"DISC {List(Disconnect)}",
            _ => $"DISC {List(Disconnect)}; KEEP {List(Keep)}",
        };

    private static string List(IEnumerable<string> tns) => string.Join(", ", tns.Select(TelephoneNumber.Dashed));
}

/// <summary>
/// Reads one disconnect clause for L9a. It is clear when its TNs stand right after DISC with nothing but connectors
/// between them (AND, &amp;, comma, /, ALSO, TOO, PLEASE, TN(S), NUMBER(S), LINE(S)) and it holds no negation or
/// keep word. Anything else is a sentence about the numbers, and which of them go is then a guess.
/// </summary>
internal static partial class DisconnectClause
{
    private static readonly HashSet<string> Connectors =
        new(["AND", "&", ",", "/", "ALSO", "TOO", "PLEASE", "TN", "TNS", "NUMBER", "NUMBERS", "LINE", "LINES"], StringComparer.Ordinal);

    private static readonly HashSet<string> NegationOrKeepWords =
        new(["NOT", "NO", "DONT", "NEVER", "EXCEPT", "EXCLUDING", "BUT", "LEAVE", "LEAVES", "KEEPS", "KEPT", "ACTIVE"], StringComparer.Ordinal);

    private static readonly string[] NegationOrKeepStems = ["RETAIN", "REMAIN", "STAY"];

    /// <summary>Keep words written after the number they keep (<c>0104 stays</c>, <c>0104 retained</c>, <c>0104 active</c>).</summary>
    private static readonly string[] AfterTheNumber = ["RETAIN", "REMAIN", "STAY", "KEEP", "KEPT", "ACTIVE"];

    /// <summary>
    /// Reads <paramref name="clause"/> (from the DISC word to where the clause ends). <paramref name="keepWordAfter"/>
    /// is the word of a keep clause that ends this one in the same sentence and names no TN of its own. Written right
    /// after a TN (<c>DISC 0103, 0104 remains</c>, <c>… 0104 keep</c>) it can only be about the numbers before it, so
    /// it is read as this clause's last word; otherwise the clause boundary would disconnect the number it keeps.
    /// </summary>
    /// <returns>Null when the clause is clear; its TNs are then the ones to disconnect.</returns>
    public static UnclearDisconnect? Read(string clause, string? keepWordAfter)
    {
        var tokens = Tokens(clause);
        var heldAt = -1;
        if (keepWordAfter is not null && tokens[^1].Tn is not null)
        {
            heldAt = tokens.Count;
            tokens.Add(new Token(null, Normal(keepWordAfter), keepWordAfter));
        }

        string? negation = null;
        string? strayWord = null;
        (string Word, string Tn)? stray = null;
        var disconnect = new List<string>();
        var keep = new List<string>();
        for (var i = 1; i < tokens.Count; i++) // token 0 is DISC or DISCONNECT itself
        {
            var token = tokens[i];
            if (token.Tn is { } tn)
            {
                if (strayWord is not null && stray is null)
                {
                    stray = (strayWord, tn);
                }

                // Before the first other word a TN reads as one to disconnect; after it, as one the sentence keeps.
                (strayWord is null ? disconnect : keep).Add(tn);
                continue;
            }

            if (Connectors.Contains(token.Word))
            {
                continue;
            }

            strayWord ??= token.Written;
            if (i == heldAt || IsNegationOrKeep(token.Word))
            {
                negation ??= token.Written;

                // "0104 stays", "0104 is kept": with no number after it, such a word is about the number before it.
                var before = tokens.Take(i).LastOrDefault(t => t.Tn is not null)?.Tn;
                var numberAfter = tokens.Skip(i + 1).Any(t => t.Tn is not null);
                if (before is not null && !numberAfter && AfterTheNumber.Any(w => token.Word.StartsWith(w, StringComparison.Ordinal)) && disconnect.Remove(before))
                {
                    keep.Add(before);
                }
            }
        }

        if (negation is null && stray is null)
        {
            return null;
        }

        var reason = negation is not null
            ? $"it says '{negation}'"
            : $"'{stray!.Value.Word}' stands before {TelephoneNumber.Dashed(stray.Value.Tn)}";
        var tns = tokens.Where(t => t.Tn is not null).Select(t => t.Tn!).Distinct().ToList();
        return new UnclearDisconnect(clause.Trim(), reason, tns, disconnect.Distinct().ToList(), keep.Distinct().Except(disconnect).ToList());
    }

    private static bool IsNegationOrKeep(string word) =>
        NegationOrKeepWords.Contains(word) || NegationOrKeepStems.Any(stem => word.StartsWith(stem, StringComparison.Ordinal));

    /// <summary>The clause as TNs, words (upper case, apostrophes dropped: DON'T is DONT) and connector signs.</summary>
    private static List<Token> Tokens(string clause)
    {
        var tokens = new List<Token>();
        var at = 0;
        foreach (var (index, length, tn) in TelephoneNumber.Locate(clause))
        {
            AddWords(tokens, clause[at..index]);
            tokens.Add(new Token(tn, tn, clause.Substring(index, length)));
            at = index + length;
        }

        AddWords(tokens, clause[at..]);
        return tokens;
    }

    private static void AddWords(List<Token> tokens, string text)
    {
        foreach (Match m in WordOrSign().Matches(text))
        {
            tokens.Add(new Token(null, Normal(m.Value), m.Value));
        }
    }

    private static string Normal(string word) => word.Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>A TN (normalized), or a word or connector sign; <paramref name="Written"/> is how the partner wrote it.</summary>
    private sealed record Token(string? Tn, string Word, string Written);

    [GeneratedRegex(@"[A-Za-z0-9]+(?:['’][A-Za-z]+)*|[&,/]")]
    private static partial Regex WordOrSign();
}
