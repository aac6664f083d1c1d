using Integra.Gateway.Drops.Sftp;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>An SFTP private key must be one SSH.NET can load (with its passphrase, when one is configured).</summary>
internal static class SftpKeyRules
{
    public static void Check(string key, SftpPartnerSettings partner, SettingsCheck c)
    {
        var path = SecretFile.Resolve(partner.PrivateKeyFile!);
        try
        {
            var passphrase = SecretFile.Read(partner.PrivateKeyPassphraseFile);
            using var file = passphrase is null ? new PrivateKeyFile(path) : new PrivateKeyFile(path, passphrase);
        }
        catch (Exception e) when (e is SshException or ArgumentException or InvalidOperationException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            c.Add(key, $"{path} is not a private key SSH.NET can read: {e.Message}");
        }
    }
}
