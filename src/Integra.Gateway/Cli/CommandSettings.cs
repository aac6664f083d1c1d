using System.CommandLine;
using System.Text.Json;
using Integra.Gateway.Configuration;
using Integra.Gateway.Configuration.Checks;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>
/// The settings a command runs with (<c>--config FILE</c> or <c>config/appsettings.json</c>, then <c>INTEGRA_</c>
/// variables), checked before the command does anything: a bad setting, bad reference data or a store that cannot be
/// opened ends every command with exit code 2 and one line <c>integra-gateway: KEY: PROBLEM</c> (SPEC §6).
/// </summary>
internal sealed class CommandSettings
{
    private CommandSettings(IConfiguration configuration)
    {
        Configuration = configuration;
        Gateway = configuration.Section<GatewaySettings>();
        Operations = configuration.Section<OperationsSettings>();
    }

    /// <summary><c>--config FILE</c>, on every command.</summary>
    public static Option<string?> ConfigOption { get; } = new("--config")
    {
        Description = $"Settings file (default: {GatewayConfiguration.DefaultFile} when present)",
        Recursive = true,
    };

    public IConfiguration Configuration { get; }

    public GatewaySettings Gateway { get; }

    public OperationsSettings Operations { get; }

    /// <summary>The desk's zone (<c>Operations:TimeZone</c>), in which the command line shows times.</summary>
    public DateTimeZone DeskZone => DateTimeZoneProviders.Tzdb[Operations.TimeZone];

    /// <summary>Reads and checks the settings of the command being run.</summary>
    /// <exception cref="UsageException">The file cannot be read, or a setting is bad.</exception>
    public static CommandSettings Load(ParseResult parse) => Load(parse.GetValue(ConfigOption));

    /// <inheritdoc cref="Load(ParseResult)"/>
    public static CommandSettings Load(string? configFile)
    {
        IConfiguration configuration;
        try
        {
            configuration = GatewayConfiguration.Build(configFile);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"--config: {configFile}: file not found");
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--config: {configFile ?? GatewayConfiguration.DefaultFile}: {OneLine(e)}");
        }

        var settings = new CommandSettings(configuration);
        settings.Check(new SettingsCheck());
        return settings;
    }

    /// <summary>Checks every section again with more at hand (the reference data, the daemon's files).</summary>
    /// <exception cref="UsageException">A setting is bad.</exception>
    public void Check(SettingsCheck check)
    {
        var problems = SettingsSections.Check(Configuration, check);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }
    }

    /// <summary>The reference data in <paramref name="option"/> (<c>--data</c>) or else <c>Gateway:DataDirectory</c>; configured SFTP partners must be in it.</summary>
    /// <exception cref="UsageException">The data is missing or broken (the message names file and line), or a partner is unknown.</exception>
    public ReferenceData LoadReferenceData(string? option)
    {
        var (directory, key) = option is null ? (Gateway.DataDirectory, "Gateway:DataDirectory") : (option, "--data");
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{key}: {directory}: reference data directory not found");
        }

        ReferenceData data;
        try
        {
            data = ReferenceDataLoader.Load(directory);
        }
        catch (Exception e) when (e is ReferenceDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(OneLine(e), e);
        }

        Check(new SettingsCheck(data));
        return data;
    }

    /// <summary>The store in <paramref name="option"/> (<c>--db</c>) or else <c>Gateway:Database</c>, and the key that named it.</summary>
    public (string Database, string Key) Database(string? option) =>
        option is null ? (Gateway.Database, "Gateway:Database") : (option, "--db");

    private static string OneLine(Exception e) =>
        (e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message).ReplaceLineEndings(" ");
}
