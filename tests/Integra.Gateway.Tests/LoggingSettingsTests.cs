using Integra.Gateway.Configuration.Checks;
using Integra.Gateway.Logging;
using Integra.Gateway.Storage.Ledgers;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace Integra.Gateway.Tests;

/// <summary>Issue 29 item 7: <c>Logging:LogLevel</c> as .NET operators write it, honoured by Serilog and checked for unknown keys.</summary>
public sealed class LoggingSettingsTests
{
    private static Serilog.Core.Logger Logger(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        return GatewayLogging.Configure(new LoggerConfiguration(), configuration, json: true).CreateLogger();
    }

    private static bool Writes(Serilog.ILogger logger, string category, LogEventLevel level) =>
        logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, category).IsEnabled(level);

    [Fact]
    public void LogLevel_default_and_categories_set_serilogs_levels()
    {
        using var logger = Logger(
            ("Logging:LogLevel:Default", "Warning"),
            ("Logging:LogLevel:Integra.Gateway.Hosting.Health", "Debug"),
            ("Logging:LogLevel:Quartz", "Information"),
            ("Logging:LogLevel:Integra.Gateway.Intake", "None"));

        Assert.False(Writes(logger, "Integra.Gateway.Hosting.LocalDropWorker", LogEventLevel.Information));
        Assert.True(Writes(logger, "Integra.Gateway.Hosting.LocalDropWorker", LogEventLevel.Warning));
        Assert.True(Writes(logger, "Integra.Gateway.Hosting.Health.ChannelOutages", LogEventLevel.Debug));
        Assert.True(Writes(logger, "Quartz.Core.QuartzScheduler", LogEventLevel.Information));
        Assert.False(Writes(logger, "Integra.Gateway.Intake.Pipeline.IntakePipelines", LogEventLevel.Fatal));
        Assert.False(Writes(logger, "Microsoft.AspNetCore.Hosting", LogEventLevel.Information)); // still quiet unless named
    }

    [Fact]
    public void LogLevel_default_wins_over_the_older_level_key_which_still_works_alone()
    {
        using var both = Logger(("Logging:Level", "Debug"), ("Logging:LogLevel:Default", "Error"));
        Assert.False(Writes(both, "Integra.Gateway", LogEventLevel.Warning));
        using var older = Logger(("Logging:Level", "Debug"));
        Assert.True(Writes(older, "Integra.Gateway", LogEventLevel.Debug));
        using var none = Logger();
        Assert.True(Writes(none, "Integra.Gateway", LogEventLevel.Information));
        Assert.False(Writes(none, "Integra.Gateway", LogEventLevel.Debug));
    }

    [Theory]
    [InlineData("Logging:LogLevl:Default", "Information", "Logging:LogLevl")]
    [InlineData("Logging:LogLevel:Default", "Loud", "Logging:LogLevel:Default")]
    [InlineData("Logging:Level", "Critical", "Logging:Level")]
    [InlineData("Logging:File:Name", "x.log", "Logging:File:Name")]
    public void A_misspelt_logging_key_or_level_is_refused_by_key(string key, string value, string refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Assert.Equal(refused, Assert.Single(SettingsSections.Check(configuration, new SettingsCheck())).Key);
    }

    [Fact]
    public void The_shipped_settings_pass_their_own_checks()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(Repo.Root, "config", "appsettings.json")).Build();
        Assert.Empty(SettingsSections.Check(configuration, new SettingsCheck()));
    }

    [Fact]
    public void A_misspelt_logging_key_stops_a_real_command_with_2()
    {
        var (code, _, error) = GatewayProcess.RunWithErrors(
            TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["INTEGRA_Logging__LogLevels__Default"] = "Debug" },
            ["holidays", "--from", "2026", "--to", "2026"]);
        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith("integra-gateway: Logging:LogLevels: unknown setting", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
