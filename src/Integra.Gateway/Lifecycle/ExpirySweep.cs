using Integra.Gateway.Delivery;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Lifecycle;

/// <summary>What one sweep did, with the files it recorded in the outbox for delivery.</summary>
public sealed record SweepResult(long SweepId, int Expired, int Cancels, int Completed, IReadOnlyList<OutboxFile> Files);

/// <summary>
/// The daily expiry sweep (SPEC §4 Expiry): every FOC'd order past FOC date + 4 business days in its own local
/// calendar becomes EXPIRED; its TNs not activated for the NNSP get CAN E01 rows for the partner and CANCEL lines
/// for NPAC. All of one sweep is one transaction, with the files in the outbox, so that a crash mid-sweep neither
/// loses nor duplicates a cancel. Sweeping again finds nothing more to do.
/// </summary>
public sealed class ExpirySweep(ReferenceData data, PolicyOptions options, IUnitOfWork store)
{
    private static readonly InstantPattern Stamp = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    public async Task<SweepResult> RunAsync(Instant now, CancellationToken cancellationToken, IProgress<(int Done, int Total)>? progress = null)
    {
        var outbox = store.Outbox;
        var transaction = await store.BeginAsync(cancellationToken);
        await using var rollback = transaction;

        // Two instances on one PostgreSQL database may fire together; the second waits here and then finds nothing due.
        await store.LockAsync("expiry-sweep", cancellationToken);
        var sweepId = await store.Expiry.StartSweepAsync(now, cancellationToken);
        var batch = $"{sweepId:D6}-{Stamp.Format(now)}";

        // FOC date + 4 business days is at least 4 calendar days, and no zone is more than a day from UTC:
        // orders FOC'd within the last 3 days cannot be due, and the index on (state, foc_date) skips them.
        var horizon = now.InUtc().Date.PlusDays(-3);
        var candidates = await store.Expiry.FocOrdersDueByAsync(horizon, cancellationToken);
        var tnsByOrder = await store.Expiry.TnsOfFocOrdersDueByAsync(horizon, cancellationToken);
        var routes = await store.Expiry.OriginsOfFocOrdersDueByAsync(horizon, cancellationToken);

        int cancels = 0;
        var expired = new List<(long Id, string Detail)>();
        var completed = new List<(long Id, string Detail)>();
        var npacCandidates = new List<(StoredOrder Order, string Tn)>();
        var responseRows = new Dictionary<(string Partner, string Route), (DeliveryRoute Route, List<(long? OrderId, string[] Cells)> Rows)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i % 1000 == 0)
            {
                progress?.Report((i, candidates.Count));
            }

            var order = candidates[i];
            var zone = OrderZone.Of(order, options);
            if (!Expiry.IsExpired(order.FocDate!.Value, now, zone, data.Calendar, options))
            {
                continue;
            }

            var ending = ExpiredOrder.Of(order, tnsByOrder[order.Id], data, options);
            if (ending.Complete)
            {
                completed.Add((order.Id, "all TNs activated"));
                continue;
            }

            // The cancels of an order go where its requests came from, not to every channel of the partner (SPEC §5).
            var route = routes.GetValueOrDefault(order.Id) ?? await store.Origins.OriginOfAsync(order.Id, cancellationToken);
            if (!responseRows.TryGetValue((order.Partner, route.Key), out var file))
            {
                responseRows[(order.Partner, route.Key)] = file = (route, []);
            }

            file.Rows.AddRange(ending.Rows.Select(r => ((long?)order.Id, r.Cells())));
            npacCandidates.AddRange(ending.Withdrawn.NpacCancels.Select(tn => (order, tn)));
            expired.Add((order.Id, ending.Detail));
            cancels += ending.Withdrawn.Cancels.Count;
        }

        var (npacRows, keptInNpac) = await NpacCancelGuard.LinesAsync(store, data, npacCandidates, expired.Select(e => e.Id).ToHashSet(), cancellationToken);
        expired = expired.Select(e => (e.Id, NpacCancelGuard.Detail(e.Detail, keptInNpac[e.Id]))).ToList();

        await store.Expiry.CancelOpenTnsAsync(expired.Select(e => e.Id).ToList(), cancellationToken);
        await store.Expiry.SetStatesAsync(expired, OrderState.Expired, $"SWEEP {batch}", cancellationToken);
        await store.Expiry.SetStatesAsync(completed, OrderState.Complete, $"SWEEP {batch}", cancellationToken);
        var files = new List<OutboxFile>();
        foreach (var ((partner, _), file) in responseRows)
        {
            var name = $"sweep-{batch}.resp.csv";
            await outbox.AddAsync(OutboxKind.Response, partner, name, file.Rows, file.Route, cancellationToken);
            files.Add(new OutboxFile(OutboxKind.Response, partner, name, [], file.Rows.Select(r => r.Cells).ToList(), file.Route));
        }

        if (npacRows.Count > 0)
        {
            var npac = new OutboxFile(OutboxKind.Npac, OutboxFile.NpacPartner, $"npac-cancel-{batch}.csv", [], npacRows);
            await outbox.AddAsync(npac.Kind, npac.Partner, npac.FileName, npac.Rows, cancellationToken);
            files.Add(npac);
        }

        await store.Expiry.FinishSweepAsync(sweepId, expired.Count, cancels, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SweepResult(sweepId, expired.Count, cancels, completed.Count, files);
    }
}
