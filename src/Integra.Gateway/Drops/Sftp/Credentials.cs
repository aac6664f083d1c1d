using Integra.Gateway.Configuration;
using Renci.SshNet;

namespace Integra.Gateway.Drops.Sftp;

/// <summary>Builds SSH.NET connection info from settings; secrets are read here and go nowhere else.</summary>
internal static class Credentials
{
    public static ConnectionInfo ConnectionInfo(SftpPartnerSettings settings)
    {
        var methods = new List<AuthenticationMethod>();
        if (!string.IsNullOrEmpty(settings.PrivateKeyFile))
        {
            var passphrase = SecretFile.Read(settings.PrivateKeyPassphraseFile);
            var keyFile = SecretFile.Resolve(settings.PrivateKeyFile);
            var key = passphrase is null ? new PrivateKeyFile(keyFile) : new PrivateKeyFile(keyFile, passphrase);
            methods.Add(new PrivateKeyAuthenticationMethod(settings.User, key));
        }

        var password = settings.Password ?? SecretFile.Read(settings.PasswordFile);
        if (password is not null)
        {
            methods.Add(new PasswordAuthenticationMethod(settings.User, password));
        }

        if (methods.Count == 0)
        {
            throw new InvalidOperationException($"no credentials for {settings.Location}: set PrivateKeyFile, PasswordFile or the Password environment variable");
        }

        return new ConnectionInfo(settings.Host, settings.Port, settings.User, [.. methods]) { Timeout = settings.OperationTimeout };
    }
}
