using Dapper;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage.Queries;
using NodaTime;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>The overdue mark of evidence requests: one <c>EvidenceRequestOverdue</c> event per request and due time.</summary>
public sealed partial class EvidenceStore
{
    /// <summary>
    /// Marks every request that the partner still owes (open or rejected) and whose due time has passed by
    /// <paramref name="now"/> as overdue, unless it is marked already; returns the requests this call marked, oldest
    /// due first. Each mark is one conditional UPDATE (<c>overdue_at IS NULL</c>, the due time as read): of several
    /// instances checking at once, exactly one marks a request, and a restart finds it marked. An extension or a
    /// reopening clears the mark with the new due time (<see cref="ExtendAsync"/>, <see cref="ReopenAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<EvidenceRequest>> MarkOverdueAsync(Instant now, CancellationToken cancellationToken)
    {
        var due = (await RequestsAsync("WHERE state IN (@open, @rejected) AND overdue_at IS NULL ORDER BY id", new { open = EvidenceStates.Open, rejected = EvidenceStates.Rejected }, cancellationToken).ConfigureAwait(false))
            .Where(r => r.PastDue(now))
            .OrderBy(r => r.DueAt)
            .ToList();
        var marked = new List<EvidenceRequest>(due.Count);
        foreach (var request in due)
        {
            // Due time and state as read: a request the desk extended or the partner answered meanwhile is not marked.
            var won = await ExecuteAsync(
                "UPDATE evidence_requests SET overdue_at = @now WHERE id = @Id AND overdue_at IS NULL AND due_at = @dueAt AND state = @State",
                new { now = StoreFormats.Text(now), request.Id, dueAt = StoreFormats.Text(request.DueAt), request.State },
                cancellationToken).ConfigureAwait(false);
            if (won == 1)
            {
                marked.Add(request);
            }
        }

        return marked;
    }

    /// <summary>When the overdue event of request <paramref name="id"/> was written; null when it was not (or the due time moved since).</summary>
    public Instant? OverdueMarkedAt(long id) =>
        uow.Connection.ExecuteScalar<string?>("SELECT overdue_at FROM evidence_requests WHERE id = @id", new { id }, uow.Transaction) is { } at ? StoreFormats.Instant(at) : null;
}
