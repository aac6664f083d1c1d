using System.Threading.Channels;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The audit rows of API calls (one per call), written by one writer off the request path. On SQLite a write waits for
/// the one writer lock with sleeps in its busy handler: one blocked thread per call would starve the pool under load,
/// as the portal's submissions once did (README, Performance). Stopping the portal writes what is queued first.
/// </summary>
public sealed class ApiCallAudit(IPortalStore store, ILogger<ApiCallAudit> logger) : BackgroundService
{
    private readonly Channel<AuditEntry> _queue = Channel.CreateUnbounded<AuditEntry>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the entry; done at once but after the portal stopped, when it is written here rather than lost.</summary>
    public Task AddAsync(AuditEntry entry) =>
        _queue.Writer.TryWrite(entry) ? Task.CompletedTask : store.AddAuditAsync(entry, CancellationToken.None);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not cancelled by the stop token: the queue completes at stop and is written to its end.
        await foreach (var entry in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await store.AddAuditAsync(entry, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "An API call's audit entry could not be written: {Actor} {Action} {Target}", entry.Actor, entry.Action, entry.Target);
            }
        }
    }
}
