namespace Integra.Gateway.Csv;

/// <summary>
/// File names that come from partners (drop listings, LOA columns, attachments) are used as local names only
/// when they are a single plain path segment.
/// </summary>
public static class SafeFileName
{
    public static bool IsPlain(string name) =>
        name.Length is > 0 and <= 255
        && name.IndexOfAny(['/', '\\', '\0', ':']) < 0
        && name[0] != '.'
        && !name.Any(char.IsControl)
        && !Path.IsPathRooted(name);
}
