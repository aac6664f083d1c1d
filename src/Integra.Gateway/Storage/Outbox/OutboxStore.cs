using System.Text.Json;
using Dapper;
using Integra.Gateway.Delivery;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Outbox;

/// <summary>
/// The transactional outbox: files that a committed change must produce (responses of reviews, sweeps and closures,
/// NPAC cancels). They are written in the same transaction as the change, each with the order and route it is for,
/// delivered afterwards by that route's channel worker, and marked delivered after delivery; a crash in between
/// delivers the same file again under the same name (the same Message-ID for mail), never a second, different one.
/// </summary>
public sealed class OutboxStore(IUnitOfWork uow)
{
    private const string Columns = "id AS Id, partner AS Partner, file_name AS FileName, cells AS Cells, channel AS Channel, mail_to AS MailTo, mail_message_id AS MailMessageId, mail_references AS MailReferences, mail_subject AS MailSubject";

    /// <summary>Records a file for delivery on <paramref name="route"/> (null: NPAC, or a file for the partner's drops).</summary>
    public ValueTask AddAsync(OutboxKind kind, string partner, string fileName, IEnumerable<string[]> rows, CancellationToken cancellationToken, DeliveryRoute? route = null, long? orderId = null) =>
        AddAsync(kind, partner, fileName, rows.Select(r => (orderId, r)), route, cancellationToken);

    /// <summary>Records a file whose rows belong to several orders of one route (a sweep's cancels), each row with its order.</summary>
    public ValueTask AddAsync(OutboxKind kind, string partner, string fileName, IEnumerable<(long? OrderId, string[] Cells)> rows, DeliveryRoute? route, CancellationToken cancellationToken)
    {
        var now = StoreFormats.Text(uow.Clock.GetCurrentInstant());
        var channel = route is null ? null : StoredText.Of(route.Channel);
        var thread = route?.Thread;
        return uow.Statements.InsertRowsAsync(
            "outbox",
            ["kind", "partner", "file_name", "cells", "created_at", "order_id", "channel", "mail_to", "mail_message_id", "mail_references", "mail_subject"],
            rows.Select(r => new object?[] { StoredText.Of(kind), partner, fileName, JsonSerializer.Serialize(r.Cells), now, r.OrderId, channel, thread?.To, thread?.MessageId, thread?.References, thread?.Subject }),
            null,
            cancellationToken);
    }

    /// <summary>Undelivered files of a kind, optionally of one partner, oldest first, whatever their channel.</summary>
    public async Task<IReadOnlyList<OutboxFile>> PendingAsync(OutboxKind kind, string? partner, CancellationToken cancellationToken) =>
        Group(kind, await uow.QueryAsync<Row>(
            $"SELECT {Columns} FROM outbox WHERE kind = @kind AND delivered_at IS NULL AND (@partner IS NULL OR partner = @partner) ORDER BY id",
            new { kind = StoredText.Of(kind), partner },
            cancellationToken));

    /// <summary>
    /// Undelivered responses for <paramref name="channel"/> (of one partner, or of all), oldest first. Files recorded
    /// before orders kept their channel (no channel) go to the partner's drops, as they always did.
    /// </summary>
    public async Task<IReadOnlyList<OutboxFile>> PendingAsync(Channel channel, string? partner, CancellationToken cancellationToken) =>
        Group(OutboxKind.Response, await uow.QueryAsync<Row>(
            $"""
            SELECT {Columns} FROM outbox
            WHERE kind = @kind AND delivered_at IS NULL AND (@partner IS NULL OR partner = @partner)
              AND (channel = @channel OR (channel IS NULL AND @legacy = 1))
            ORDER BY id
            """,
            new { kind = StoredText.Of(OutboxKind.Response), partner, channel = StoredText.Of(channel), legacy = channel is Channel.Local or Channel.Sftp ? 1 : 0 },
            cancellationToken));

    /// <summary>Undelivered response files per partner and channel, for <c>status</c>.</summary>
    public IReadOnlyDictionary<(string Partner, string Channel), long> WaitingByChannel() =>
        uow.Connection.Query<(string Partner, string? Channel, long Count)>(
                "SELECT partner, channel, COUNT(DISTINCT file_name) FROM outbox WHERE kind = @kind AND delivered_at IS NULL GROUP BY partner, channel",
                new { kind = StoredText.Of(OutboxKind.Response) },
                uow.Transaction)
            .ToDictionary(r => (r.Partner, r.Channel ?? "drop"), r => r.Count);

    /// <summary>
    /// The NPAC CANCEL lines recorded for <paramref name="tn"/> of the order with this LSRNO, delivered or not, in the
    /// current unit of work (a late activation withdraws the undelivered ones, SPEC §4).
    /// </summary>
    public async Task<IReadOnlyList<(long Id, bool Delivered)>> NpacCancelsOfAsync(string tn, string lsrNo, CancellationToken cancellationToken) =>
        (await uow.QueryAsync<(long Id, string Cells, string? DeliveredAt)>(
                // The cells are the JSON array of NpacCancel.Cells(): ["CANCEL","<tn>",…]; a TN is ten digits, nothing to escape.
                "SELECT id, cells, delivered_at FROM outbox WHERE kind = @kind AND cells LIKE @prefix",
                new { kind = StoredText.Of(OutboxKind.Npac), prefix = $"[\"CANCEL\",\"{tn}\",%" },
                cancellationToken))
            .Where(r => JsonSerializer.Deserialize<string[]>(r.Cells) is { Length: > 4 } cells && cells[1] == tn && cells[4] == lsrNo)
            .Select(r => (r.Id, r.DeliveredAt is not null))
            .ToList();

    /// <summary>Takes undelivered outbox rows back: what they said is no longer true (a late activation's CANCEL).</summary>
    public Task WithdrawAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        uow.ExecuteAsync("DELETE FROM outbox WHERE id = @id AND delivered_at IS NULL", ids.Select(id => new { id }), cancellationToken);

    public async Task MarkDeliveredAsync(OutboxFile file, CancellationToken cancellationToken)
    {
        var now = StoreFormats.Text(uow.Clock.GetCurrentInstant());
        var transaction = await uow.BeginAsync(cancellationToken);
        await using (transaction)
        {
            await uow.ExecuteAsync("UPDATE outbox SET delivered_at = @now WHERE id = @id", file.Ids.Select(id => new { id, now }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>One file per partner, route and name: two mail threads answered by one sweep are two replies.</summary>
    private static List<OutboxFile> Group(OutboxKind kind, IEnumerable<Row> rows) =>
        rows.GroupBy(r => (r.Partner, r.FileName, Route: r.Route()?.Key))
            .Select(g => new OutboxFile(
                kind,
                g.Key.Partner,
                g.Key.FileName,
                g.Select(r => r.Id).ToList(),
                g.Select(r => JsonSerializer.Deserialize<string[]>(r.Cells)!).ToList(),
                g.First().Route()))
            .ToList();

    private sealed record Row(long Id, string Partner, string FileName, string Cells, string? Channel, string? MailTo, string? MailMessageId, string? MailReferences, string? MailSubject)
    {
        public DeliveryRoute? Route() => Channel is null
            ? null
            : new DeliveryRoute(StoredText.Channel(Channel), MailTo is null ? null : new MailThread(MailTo, MailMessageId, MailReferences ?? string.Empty, MailSubject));
    }
}

/// <summary>The <see cref="OutboxStore"/> of a unit of work.</summary>
public static class OutboxStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The transactional outbox.</summary>
        public OutboxStore Outbox => uow.Store(static u => new OutboxStore(u));
    }
}
