using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Mail;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Hosting;

/// <summary>
/// The Montana mailbox loop: deliver waiting answers and handle the inbox, then wait for mail (IDLE or poll; under IDLE
/// the wait also ends within the poll interval once an answer waits in the outbox); failures back off and reconnect.
/// </summary>
public sealed class MailWorker(
    IntakePipelines pipelines,
    ReferenceDataSource data,
    IOptions<MailSettings> settings,
    IClock clock,
    ILogger<MailWorker> logger,
    Health.ChannelOutages outages,
    LoopHeartbeats heartbeats,
    Storage.Resilience.StoreAvailability availability) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = settings.Value;
        using var pipeline = await pipelines.CreateAsync(stoppingToken);
        using var mailbox = new MailIntake(mail, () => data.Current, pipeline, pipeline.Store.Mail, new ReplySender(mail), clock, logger, availability);
        var retry = ChannelRetry.Pipeline(logger, "Mailbox", mail.Imap.Location, e => e is MailKit.Security.AuthenticationException);
        logger.LogInformation("Watching mailbox {Inbox} at {Location}", mail.Inbox, mail.Imap.Location);
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeats.Beat("mailbox", mail.PollInterval);
            try
            {
                await retry.ExecuteAsync(async token => await mailbox.ProcessInboxAsync(token), stoppingToken);
                outages.Succeeded(MailIntake.MailboxPartner, "email", mail.Imap.Location);
                await mailbox.WaitForMailAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                outages.Failed(MailIntake.MailboxPartner, "email", mail.Imap.Location, e);
                await Task.Delay(mail.PollInterval, stoppingToken);
            }
        }
    }
}
