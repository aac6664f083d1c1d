using System.Text.RegularExpressions;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// An address a listener binds, as Kestrel reads it: <c>SCHEME://HOST:PORT</c> with an optional final <c>/</c>, where
/// HOST is an IP address (<c>0.0.0.0</c> and <c>[::]</c> for every address), <c>+</c> or <c>*</c> (every address),
/// or a name (<c>localhost</c>: loopback). <see cref="Uri"/> refuses <c>+</c> and <c>*</c>, hence a form of its own.
/// </summary>
public static partial class ListenAddress
{
    /// <summary>The host and port of <paramref name="value"/> when it is such an address with one of <paramref name="schemes"/>.</summary>
    public static bool TryParse(string? value, out string host, out int port, params string[] schemes)
    {
        host = string.Empty;
        port = 0;
        var match = value is null ? Match.Empty : Form().Match(value);
        if (!match.Success || !schemes.Contains(match.Groups["scheme"].Value, StringComparer.OrdinalIgnoreCase)
            || !int.TryParse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = match.Groups["host"].Value;
        return true;
    }

    /// <summary>The address without its final <c>/</c>, as Kestrel is given it; two settings naming one address share a listener.</summary>
    public static string Normalize(string value) => value.Trim().TrimEnd('/');

    [GeneratedRegex(@"^(?<scheme>[a-zA-Z]+)://(?<host>\*|\+|\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+):(?<port>\d{1,5})/?$")]
    private static partial Regex Form();
}
