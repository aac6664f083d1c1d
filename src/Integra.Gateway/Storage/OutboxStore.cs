using System.Text.Json;
using Dapper;
using Integra.Gateway.Lifecycle;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>
/// The transactional outbox: files that a committed change must produce (CAN responses, NPAC cancels). They are
/// written in the same transaction as the change, delivered afterwards, and marked delivered after delivery;
/// a crash in between delivers the same file again under the same name, never a second, different one.
/// </summary>
public sealed class OutboxStore(OrderStore store, IClock clock)
{
    public void Add(string kind, string partner, string fileName, IEnumerable<string[]> rows)
    {
        var now = StoreFormats.Text(clock.GetCurrentInstant());
        store.InsertRows(
            "outbox",
            ["kind", "partner", "file_name", "cells", "created_at"],
            rows.Select(r => new object?[] { kind, partner, fileName, JsonSerializer.Serialize(r), now }));
    }

    /// <summary>Undelivered files of a kind, optionally of one partner, oldest first.</summary>
    public IReadOnlyList<OutboxFile> Pending(string kind, string? partner = null) =>
        store.Connection.Query<(long Id, string Partner, string FileName, string Cells)>(
                "SELECT id, partner, file_name, cells FROM outbox WHERE kind = @kind AND delivered_at IS NULL AND (@partner IS NULL OR partner = @partner) ORDER BY id",
                new { kind, partner },
                store.ActiveTransaction)
            .GroupBy(r => (r.Partner, r.FileName))
            .Select(g => new OutboxFile(kind, g.Key.Partner, g.Key.FileName, g.Select(r => r.Id).ToList(), g.Select(r => JsonSerializer.Deserialize<string[]>(r.Cells)!).ToList()))
            .ToList();

    public void MarkDelivered(OutboxFile file)
    {
        var now = StoreFormats.Text(clock.GetCurrentInstant());
        using var transaction = store.Begin();
        store.Connection.Execute("UPDATE outbox SET delivered_at = @now WHERE id = @id", file.Ids.Select(id => new { id, now }), store.ActiveTransaction);
        transaction.Commit();
    }
}
