using Integra.Gateway.Logging;
using Integra.Gateway.Storage.Evidence;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Operations;

/// <summary>
/// Evidence requests the partner has not answered by their due time (SPEC §7): each is said once with
/// <c>EvidenceRequestOverdue</c> (122, a Warning). "Once" is kept by the store, not in memory
/// (<see cref="EvidenceStore.MarkOverdueAsync"/>), so it holds across restarts and for several instances on one database.
/// </summary>
/// <remarks>
/// The mark is written before the event: a process that dies between the two (a few microseconds) loses that one
/// event, and the request still shows past due in <c>status</c>, the gauge and the SLA board. Writing the event first
/// would say it twice after such a crash instead.
/// </remarks>
public sealed class EvidenceOverdueWatch(UnitOfWorkFactory stores, ILogger logger)
{
    /// <summary>
    /// Marks and logs each request that went past due since any instance last checked; returns how many it logged. On a
    /// unit of work of its own, again on a fresh one after a transient failure (a mark already made is not made twice).
    /// </summary>
    public async Task<int> CheckAsync(Instant now, CancellationToken cancellationToken)
    {
        var marked = await stores.RunAsync("evidence overdue check", (uow, token) => uow.Evidence.MarkOverdueAsync(now, token), cancellationToken);
        foreach (var r in marked)
        {
            logger.EvidenceRequestOverdue(r.Id, r.Partner, r.Kind, r.Pon, LocalDatePattern.Iso.Format(r.DueDate), InstantPattern.ExtendedIso.Format(r.DueAt), r.State);
        }

        return marked.Count;
    }
}
