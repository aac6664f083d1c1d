namespace Integra.Gateway.Configuration;

/// <summary>
/// Secrets kept in files (a systemd credential, a mounted secret), so that settings never hold them: the file's
/// text without the line break an editor or <c>echo</c> leaves at its end.
/// </summary>
/// <remarks>
/// Under systemd with <c>LoadCredential=NAME:/etc/integra-gateway/secrets/NAME</c>, the service sees the file as
/// <c>$CREDENTIALS_DIRECTORY/NAME</c>, readable by it alone: a relative secret path (<c>"PasswordFile": "imap"</c>)
/// is looked up there whenever <c>CREDENTIALS_DIRECTORY</c> is set. Absolute paths are used as they are.
/// </remarks>
internal static class SecretFile
{
    public const string CredentialsVariable = "CREDENTIALS_DIRECTORY";

    /// <summary>The secret in <paramref name="file"/>; null when no file is configured.</summary>
    public static string? Read(string? file) =>
        string.IsNullOrEmpty(file) ? null : File.ReadAllText(Resolve(file)).TrimEnd('\r', '\n');

    /// <summary>Where the secret file <paramref name="file"/> is: in the systemd credentials directory when it is relative and one is set.</summary>
    public static string Resolve(string file) =>
        !Path.IsPathRooted(file) && Environment.GetEnvironmentVariable(CredentialsVariable) is { Length: > 0 } credentials
            ? Path.Combine(credentials, file)
            : file;
}
