using Microsoft.Extensions.Configuration;

namespace Integra.Gateway.Configuration;

/// <summary>
/// Where settings come from, later wins: the built-in defaults of the settings classes, <c>config/appsettings.json</c>
/// in the working directory (or the file given by <c>--config</c>), then environment variables prefixed
/// <c>INTEGRA_</c> (e.g. <c>INTEGRA_Gateway__Database</c>). Secrets belong in the environment or secret files, never in the repo.
/// </summary>
public static class GatewayConfiguration
{
    public const string DefaultFile = "config/appsettings.json";
    public const string EnvironmentPrefix = "INTEGRA_";

    public static IConfigurationBuilder AddGatewaySources(this IConfigurationBuilder builder, string? configFile)
    {
        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"configuration file {configFile} not found", configFile);
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        else
        {
            builder.AddJsonFile(Path.GetFullPath(DefaultFile), optional: true, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables(EnvironmentPrefix);
    }

    /// <summary>Builds the configuration for one-shot CLI commands.</summary>
    public static IConfiguration Build(string? configFile = null) =>
        new ConfigurationBuilder().AddGatewaySources(configFile).Build();

    public static T Section<T>(this IConfiguration configuration)
        where T : new()
    {
        var name = typeof(T).Name.Replace("Settings", string.Empty, StringComparison.Ordinal);
        var settings = new T();
        configuration.GetSection(name).Bind(settings);
        return settings;
    }
}
