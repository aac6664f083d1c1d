using System.CommandLine;
using System.Data.Common;
using Integra.Gateway.Configuration.Checks;
using Integra.Gateway.Hosting;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>
/// <c>run</c>: the daemon, until a stop request (Ctrl+C, SIGTERM). Exit codes: 0 after a stop request; 2 when it
/// cannot start (settings, files, reference data, store: one line on stderr); 1 when it stops on its own (the store
/// failed, a worker failed: one line on stderr), so that <c>Restart=on-failure</c> restarts it.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the gateway daemon");
        command.SetAction((parse, token) => CommandRunner.RunAsync(async () =>
        {
            var configFile = parse.GetValue(CommandSettings.ConfigOption);
            var settings = CommandSettings.Load(configFile);
            var data = settings.LoadReferenceData(option: null);
            settings.Check(new SettingsCheck(data, files: true));
            using (var check = CommandHost.Build(settings, dataOption: null, dbOption: null, SystemClock.Instance))
            {
                check.OpenStore(writable: true).Dispose();
            }

            IHost host;
            try
            {
                host = GatewayHost.Build(configFile);
                // Resolve the live reference data now, so that a file changed since the check fails the start, not a worker.
                host.Services.GetService(typeof(ReferenceDataSource));
            }
            catch (OptionsValidationException e)
            {
                throw new UsageException(string.Join("; ", e.Failures), e);
            }
            catch (ReferenceDataException e)
            {
                throw new UsageException(e.Message, e);
            }

            using var stopRequests = new StopRequests();
            using (host)
            {
                // Resolved before the run: RunAsync disposes the services when the host stops.
                var outcome = host.Services.GetRequiredService<RunOutcome>();
                var workers = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
                string? failure;
                try
                {
                    await host.RunAsync(token);
                    failure = outcome.Failure ?? FailedWorker(workers, settings.Gateway.Database);
                }
                catch (StartupProblemException e)
                {
                    // A listener that could not bind after all (taken since the check): a setting, not a crash.
                    throw new UsageException(e.Message, e);
                }
                catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
                {
                    // The only other Kestrel of the daemon is the portal's; the probes' name their own key.
                    throw new UsageException($"Portal:Listen: cannot listen on {settings.Configuration["Portal:Listen"]}: {e.InnerException.Message}", e);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = e.Message.ReplaceLineEndings(" ");
                }

                if (failure is null && (stopRequests.Requested || token.IsCancellationRequested))
                {
                    return ExitCodes.Done;
                }

                await Console.Error.WriteLineAsync($"integra-gateway: {failure ?? "stopped without a stop request"}");
                return ExitCodes.Stopped;
            }
        }));
        return command;
    }

    /// <summary>
    /// The first background worker that ended with an exception (the host stops then), as one line; a failure of the
    /// store names <c>Gateway:Database</c>, as the store watchdog does.
    /// </summary>
    private static string? FailedWorker(List<BackgroundService> workers, string database) =>
        workers
            .Where(s => s.ExecuteTask is { IsFaulted: true })
            .Select(s =>
            {
                var e = s.ExecuteTask!.Exception!.InnerException!;
                var reason = StoreProbe.Reason(e);
                return e is DbException
                    ? $"Gateway:Database: {s.GetType().Name} failed on the order store {StoreProbe.Describe(database)}: {reason}"
                    : $"{s.GetType().Name} failed: {reason}";
            })
            .FirstOrDefault();
}
