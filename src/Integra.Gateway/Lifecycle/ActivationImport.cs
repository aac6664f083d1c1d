using Integra.Gateway.Logging;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Lifecycle;

/// <summary>
/// What an activation import did. <paramref name="AfterCancel"/> lists the activations of TNs whose NPAC CANCEL had
/// already been delivered (SPEC §4): the desk must check each in NPAC by hand.
/// </summary>
public sealed record ActivationResult(int Rows, int Matched, int Completed, int Unmatched, IReadOnlyList<ActivatedAfterCancelRow> AfterCancel);

/// <summary>
/// Imports NPAC activations (<c>TN,SPID,ACTIVATED</c>, SPEC §5). A TN activated for the NNSP of its open order is
/// done and never expires; an order whose ported TNs are all activated is COMPLETE. An activation imported late —
/// for an order that expired or closed after the activation instant — still counts: its undelivered NPAC CANCEL is
/// withdrawn, and one already delivered is an <c>ActivatedAfterCancel</c> for the desk. Importing a file twice
/// changes nothing the second time. Every row is kept, matched or not, for the order history.
/// </summary>
public sealed class ActivationImport(IUnitOfWork store, IClock clock, ILogger? logger = null)
{
    /// <exception cref="ReferenceDataException">The file is missing or a row is malformed; the message names the line.</exception>
    public async Task<ActivationResult> ImportAsync(string path, CancellationToken cancellationToken, IProgress<(int Done, int Total)>? progress = null)
    {
        var rows = ReferenceTable.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path), "TN", "SPID", "ACTIVATED")
            .Select(row =>
            {
                var raw = row.Required("TN");
                var tn = TelephoneNumber.TryNormalize(raw, out var normalized) ? normalized : throw row.Error($"TN '{raw}' is not a 10-digit NANP number");
                var when = row.Required("ACTIVATED");
                var parsed = InstantPattern.ExtendedIso.Parse(when);
                var activated = parsed.Success ? parsed.Value
                    : OffsetDateTimePattern.ExtendedIso.Parse(when) is { Success: true } offset ? offset.Value.ToInstant()
                    : throw row.Error($"ACTIVATED '{when}' is not an ISO 8601 instant");
                return (Tn: tn, Spid: row.Required("SPID"), Activated: activated);
            })
            .ToList();

        var transaction = await store.BeginAsync(cancellationToken);
        await using var rollback = transaction;
        var outbox = store.Outbox;
        var afterCancel = new List<ActivatedAfterCancelRow>();
        var matched = 0;
        var touched = new HashSet<long>();
        var now = StoreFormats.Text(clock.GetCurrentInstant());
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 1000 == 0)
            {
                progress?.Report((i, rows.Count));
            }

            var (tn, spid, activated) = rows[i];
            // Every open order of the new provider that ports the TN: an order waiting for an expedite review, or a
            // second PON for the same number, must know it is in service too, or a later cancel would take it away.
            // SPIDs are compared without case: a partner may write its NNSP in lower case.
            var orders = store.Activations.OrdersPortingTo(tn, spid, activated);
            if (orders.Count == 0)
            {
                store.Activations.RecordActivation(tn, spid, activated, now, null, ActivationOutcome.Unmatched);
                continue;
            }

            var outcome = ActivationOutcome.Matched;
            foreach (var (each, state) in orders)
            {
                touched.Add(each);
                store.Activations.MarkTnActivated(each, tn);
                if (state is OrderState.Expired or OrderState.Closed && await LateCancelAsync(outbox, (await store.Orders.FindOrderAsync(each, cancellationToken))!, tn, spid, activated, now, cancellationToken) is { } late)
                {
                    afterCancel.Add(late);
                    outcome = ActivationOutcome.AfterCancel;
                }
            }

            store.Activations.RecordActivation(tn, spid, activated, now, orders[0].Id, outcome);
            matched++;
        }

        // Once per order after all its rows, not after each row: checking an order of 20,000 TNs after each of its
        // 20,000 activations would read its TNs 20,000 times.
        var completed = 0;
        foreach (var id in touched.Order())
        {
            var order = (await store.Orders.FindOrderAsync(id, cancellationToken))!;
            if (order.State is OrderState.Foc or OrderState.Expired or OrderState.Closed && (await store.Orders.TnsAsync(id, cancellationToken)).Where(t => t.Lna == Lna.Port).All(t => t.Status == OrderTnStatus.Activated))
            {
                await store.Orders.UpdateOrderAsync(order with { State = OrderState.Complete }, $"NPAC activation {Path.GetFileName(path)}", "all ported TNs activated", cancellationToken);
                completed++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var late in afterCancel)
        {
            logger?.ActivatedAfterCancel(late.Partner, late.Pon, late.LsrNo ?? string.Empty, late.Tn, late.Spid, late.ActivatedAt);
        }

        return new ActivationResult(rows.Count, matched, completed, rows.Count - matched, afterCancel);
    }

    /// <summary>
    /// A late activation of a TN of an ended order: its NPAC CANCEL, if not yet delivered, is withdrawn (nothing is
    /// lost: the port happened); if delivered, NPAC may already have canceled a port that took place, and the row for
    /// the desk is returned.
    /// </summary>
    private static async Task<ActivatedAfterCancelRow?> LateCancelAsync(OutboxStore outbox, StoredOrder order, string tn, string spid, Instant activated, string importedAt, CancellationToken cancellationToken)
    {
        var cancels = await outbox.NpacCancelsOfAsync(tn, order.LsrNo ?? string.Empty, cancellationToken);
        await outbox.WithdrawAsync(cancels.Where(c => !c.Delivered).Select(c => c.Id).ToList(), cancellationToken);
        return cancels.Any(c => c.Delivered)
            ? new ActivatedAfterCancelRow(tn, spid, StoreFormats.Text(activated), importedAt, order.Partner, order.Pon, order.LsrNo)
            : null;
    }
}
