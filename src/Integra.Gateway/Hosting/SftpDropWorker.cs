using Integra.Gateway.Drops;
using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;

namespace Integra.Gateway.Hosting;

/// <summary>
/// Polls every configured partner's SFTP drop, each in its own loop with its own connection and store
/// connection, so that a slow or broken partner never stalls the others. Failures are retried with bounded
/// exponential back-off within a round, then again on the next round; nothing escapes to stop the host. While a
/// drop has a backlog (ready files over <see cref="Configuration.IntakeSettings.FilesPerRound"/>) its next round
/// starts at once instead of after the poll interval.
/// </summary>
public sealed class SftpDropWorker(
    IntakePipelines pipelines,
    ReferenceDataSource data,
    IOptions<SftpSettings> settings,
    IOptions<Configuration.IntakeSettings> intake,
    IClock clock,
    ILoggerFactory loggers,
    Health.ChannelOutages outages,
    LoopHeartbeats heartbeats) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<SftpDropWorker>();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task>();
        foreach (var (id, partnerSettings) in settings.Value.Partners)
        {
            var partner = data.Current.Partner(id);
            if (partner is null)
            {
                _logger.LogError("SFTP partner {Partner} is configured but not in partners.csv; not polling it", id);
                continue;
            }

            loops.Add(Task.Run(() => PollPartnerAsync(partner, partnerSettings, stoppingToken), stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    /// <summary>The back-off within one round; a refused host key is not retried (it needs a person).</summary>
    public static ResiliencePipeline RetryPipeline(ILogger logger, string partner, string location, TimeProvider? time = null) =>
        ChannelRetry.Pipeline(logger, $"SFTP poll of {partner}", location, e => e is HostKeyMismatchException, time);

    private async Task PollPartnerAsync(Partner partner, SftpPartnerSettings partnerSettings, CancellationToken stoppingToken)
    {
        using var pipeline = await pipelines.CreateAsync(stoppingToken);
        using var folder = new SftpDropFolder(partner.Id, partnerSettings, _logger);
        var poller = new DropPoller(partner, Channel.Sftp, folder, pipeline, clock, Duration.FromTimeSpan(partnerSettings.QuietPeriod), _logger, intake.Value.FilesPerRound);
        var retry = RetryPipeline(_logger, partner.Id, folder.Location);
        _logger.LogInformation("Polling SFTP drop of {Partner} at {Location} every {Interval}", partner.Id, folder.Location, partnerSettings.PollInterval);

        using var timer = new PeriodicTimer(partnerSettings.PollInterval);
        bool backlog;
        do
        {
            backlog = false;
            heartbeats.Beat($"sftp-drop {partner.Id}", partnerSettings.PollInterval);
            try
            {
                backlog = (await retry.ExecuteAsync(async token => await poller.PollRoundAsync(token), stoppingToken)).BacklogRemains;
                outages.Succeeded(partner.Id, "sftp", folder.Location);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                outages.Failed(partner.Id, "sftp", folder.Location, e);
            }
        }
        while (backlog ? !stoppingToken.IsCancellationRequested : await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
