using System.Data.Common;
using System.Text.Json;
using Integra.Gateway.Responses;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Orders;

/// <summary>How rows of the orders and versions tables become <see cref="StoredOrder"/> and <see cref="StoredVersion"/>.</summary>
internal static class OrderRows
{
    public const string Columns = """
        SELECT id, partner, kind, ccna, pon, lsrno, state, an, service_state, zone, nnsp, foc_date, foc_ver,
               pending_ver, requested_date, standard_date, due_date_sups, accepted_ddd, simple
        FROM orders
        """;

    /// <summary>The orders <paramref name="where"/> selects, through a kept command of the unit of work.</summary>
    public static List<StoredOrder> Query(IUnitOfWork uow, string where, params (string Name, object? Value)[] parameters)
    {
        using var reader = uow.Statements.Command(Columns + " " + where, parameters).ExecuteReader();
        var orders = new List<StoredOrder>();
        while (reader.Read())
        {
            orders.Add(Read(reader));
        }

        return orders;
    }

    /// <inheritdoc cref="Query"/>
    public static async ValueTask<List<StoredOrder>> QueryAsync(IUnitOfWork uow, string where, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        await uow.Statements.ListAsync(Columns + " " + where, Read, parameters, cancellationToken);

    public static StoredOrder Read(DbDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new StoredOrder(
            r.GetInt64(0), r.GetString(1), StoredText.OrderKind(r.GetString(2)), r.GetString(3), r.GetString(4), Text(5), StoredText.OrderState(r.GetString(6)),
            r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), StoreFormats.Date(Text(11)), Text(12), Text(13),
            StoreFormats.Date(Text(14)), StoreFormats.Date(Text(15)), checked((int)r.GetInt64(16)), StoreFormats.Date(Text(17)),
            r.IsDBNull(18) ? null : r.GetInt64(18) != 0);
    }

    public sealed class VersionRow
    {
        public long Id { get; init; }

        public string Ver { get; init; } = string.Empty;

        public string Sup { get; init; } = string.Empty;

        public string ContentHash { get; init; } = string.Empty;

        public string Channel { get; init; } = string.Empty;

        public string FileName { get; init; } = string.Empty;

        public string ReceivedAt { get; init; } = string.Empty;

        public string Outcome { get; init; } = string.Empty;

        public string RuleId { get; init; } = string.Empty;

        public string Codes { get; init; } = string.Empty;

        public string Response { get; init; } = string.Empty;

        public StoredVersion ToStored() => new(
            Id, Ver, Sup, ContentHash, Channel, FileName, StoreFormats.Instant(ReceivedAt), StoredText.ResponseType(Outcome), RuleId, Codes,
            ReadResponse(Response));
    }

    /// <summary>A response as <see cref="OrderStore.AddVersionAsync"/> stored it: the cells of each row, as JSON.</summary>
    public static List<ResponseRow> ReadResponse(string json) =>
        (JsonSerializer.Deserialize<string[][]>(json) ?? []).Select(ResponseRow.FromCells).ToList();
}
