namespace Integra.Gateway.Configuration;

/// <summary>
/// Secrets kept in files (a systemd credential, a mounted secret), so that settings never hold them: the file's
/// text without the line break an editor or <c>echo</c> leaves at its end.
/// </summary>
internal static class SecretFile
{
    /// <summary>The secret in <paramref name="file"/>; null when no file is configured.</summary>
    public static string? Read(string? file) =>
        string.IsNullOrEmpty(file) ? null : File.ReadAllText(file).TrimEnd('\r', '\n');
}
