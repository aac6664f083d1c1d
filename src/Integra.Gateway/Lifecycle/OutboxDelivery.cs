using Integra.Gateway.Delivery;
using Integra.Gateway.Responses;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Outbox;

namespace Integra.Gateway.Lifecycle;

/// <summary>Delivers outbox files: NPAC batches to the NPAC gateway, partner responses to a writer of the caller's choice.</summary>
public sealed class OutboxDelivery(OutboxStore outbox)
{
    /// <summary>Submits every pending NPAC batch; returns how many were delivered.</summary>
    public async Task<int> DeliverNpacAsync(INpacGateway npac, CancellationToken cancellationToken)
    {
        var files = await outbox.PendingAsync(OutboxKind.Npac, null, cancellationToken);
        foreach (var file in files)
        {
            npac.Submit(file.FileName, file.Rows);
            await outbox.MarkDeliveredAsync(file, cancellationToken);
        }

        return files.Count;
    }

    /// <summary>Writes every pending response file (of one partner, or all) through <paramref name="write"/>.</summary>
    public async Task<int> DeliverResponsesAsync(string? partner, Func<string, string, IReadOnlyList<ResponseRow>, Task> write, CancellationToken cancellationToken)
    {
        var files = await outbox.PendingAsync(OutboxKind.Response, partner, cancellationToken);
        foreach (var file in files)
        {
            await write(file.Partner, file.FileName, file.Rows.Select(ResponseRow.FromCells).ToList());
            await outbox.MarkDeliveredAsync(file, cancellationToken);
        }

        return files.Count;
    }
}
