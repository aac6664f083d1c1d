using System.Text.RegularExpressions;

namespace Integra.Gateway.Csv;

/// <summary>
/// The temporary name a response is written under before it is renamed into place: <c>.NAME.&lt;guid&gt;.tmp</c>.
/// Dot-prefixed so partners' pollers skip it; the 32 hex digits make it the gateway's own, so a temporary file left by
/// a crash can be told from anything a partner put in the folder. Local files (<c>Csv/CsvFiles</c>) and SFTP uploads
/// are both named here.
/// </summary>
public static partial class TemporaryNames
{
    /// <summary>A fresh temporary name for <paramref name="name"/>.</summary>
    public static string For(string name) => $".{name}.{Guid.NewGuid():N}.tmp";

    /// <summary>True only for a name <see cref="For"/> could have made (of a plain name).</summary>
    public static bool IsOurs(string name) => Pattern().IsMatch(name) && SafeFileName.IsPlain(name[1..]);

    [GeneratedRegex(@"^\.(?<name>.+)\.[0-9a-f]{32}\.tmp\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
