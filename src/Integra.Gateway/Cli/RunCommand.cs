using System.CommandLine;
using Integra.Gateway.Hosting;
using Integra.Gateway.Reference;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Cli;

/// <summary><c>run</c>: the daemon, until Ctrl+C or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = $"Settings file (default: {Configuration.GatewayConfiguration.DefaultFile} when present)" };
        var command = new Command("run", "Run the gateway daemon") { config };
        command.SetAction((parse, token) => CommandRunner.RunAsync(async () =>
        {
            IHost host;
            try
            {
                host = GatewayHost.Build(parse.GetValue(config));
                // Resolve reference data now so that a broken file fails the start with exit code 2, not a crashed worker.
                host.Services.GetService(typeof(ReferenceDataSource));
            }
            catch (Exception e) when (e is ReferenceDataException or FileNotFoundException or OptionsValidationException or InvalidOperationException)
            {
                throw new UsageException(e.Message, e);
            }

            using (host)
            {
                await host.RunAsync(token);
            }

            return ExitCodes.Done;
        }));
        return command;
    }
}
