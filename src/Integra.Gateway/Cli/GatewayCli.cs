using System.CommandLine;

namespace Integra.Gateway.Cli;

/// <summary>The <c>integra-gateway</c> command line (SPEC §6).</summary>
public static class GatewayCli
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var common = new CommonOptions();
        var root = new RootCommand("Integra port-out order gateway")
        {
            RunCommand.Create(),
            ProcessCommand.Create(common),
            ReviewCommand.Create(common),
            SweepCommand.Create(common),
            NpacImportCommand.Create(common),
            StatusCommand.Create(),
            ShowCommand.Create(),
            AuditCommand.Create(),
            BackupCommand.Create(),
            EvidenceCommand.Create(),
            HolidaysCommand.Create(),
            PortalCommand.Create(),
        };
        root.Options.Add(CommandSettings.ConfigOption);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"integra-gateway: {parse.Errors[0].Message} (see integra-gateway --help)");
            return ExitCodes.UsageOrConfiguration;
        }

        return await parse.InvokeAsync();
    }
}
