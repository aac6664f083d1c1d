namespace Integra.Gateway.Rules.Model;

/// <summary>How a request reached the gateway.</summary>
public enum Channel
{
    Sftp,
    Email,
}
