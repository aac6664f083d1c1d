using Dapper;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>
/// Set-based reads and writes for the expiry sweep: a few statements for the whole sweep instead of several per
/// order, which on PostgreSQL (a network round trip per statement) decides whether a large sweep takes seconds or
/// a minute.
/// </summary>
public sealed partial class OrderStore
{
    private const int RowsPerStatement = 100;

    private readonly Dictionary<(string Table, int Rows), (string Sql, string[] Columns, string[] Names)> _insertStatements = [];

    private const string FocDueBy = "state = @foc AND kind = @lsr AND foc_date <= @horizon";

    private static readonly string FocText = StoredText.Of(OrderState.Foc);

    private static readonly string LsrText = StoredText.Of(OrderKind.Lsr);

    /// <summary>LSR orders at FOC whose FOC date is on or before <paramref name="horizon"/>, by id.</summary>
    /// <remarks>Sorted here: an ORDER BY id lets SQLite walk the whole table in id order instead of using the
    /// (state, foc_date) index.</remarks>
    public IReadOnlyList<StoredOrder> FocOrdersDueBy(LocalDate horizon) =>
        [.. QueryOrders($"WHERE {FocDueBy}", ("@foc", FocText), ("@lsr", LsrText), ("@horizon", StoreFormats.Text(horizon))).OrderBy(o => o.Id)];

    /// <summary>The TNs of the same orders as <see cref="FocOrdersDueBy"/>, by order, each in its decision's order.</summary>
    public ILookup<long, StoredTn> TnsOfFocOrdersDueBy(LocalDate horizon) =>
        Live.Query<(long OrderId, long Seq, string Tn, string Lna, string Status)>(
                $"SELECT t.order_id, t.seq, t.tn, t.lna, t.status FROM orders o JOIN order_tns t ON t.order_id = o.id WHERE {FocDueBy}",
                new { foc = FocText, lsr = LsrText, horizon = StoreFormats.Text(horizon) },
                ActiveTransaction)
            .OrderBy(t => t.OrderId).ThenBy(t => t.Seq)
            .ToLookup(t => t.OrderId, t => new StoredTn(t.Tn, StoredText.Lna(t.Lna), StoredText.OrderTnStatus(t.Status)));

    /// <summary>
    /// The routes of the same orders as <see cref="FocOrdersDueBy"/>, in one query; orders filed before routes were
    /// kept are missing (ask <see cref="OriginOf"/> for those).
    /// </summary>
    public IReadOnlyDictionary<long, Delivery.DeliveryRoute> OriginsOfFocOrdersDueBy(LocalDate horizon) =>
        Live.Query<(long OrderId, string Channel, string? To, string? MessageId, string? References, string? Subject)>(
                $"SELECT g.order_id, g.channel, g.mail_to, g.mail_message_id, g.mail_references, g.mail_subject FROM orders o JOIN order_origins g ON g.order_id = o.id WHERE {FocDueBy}",
                new { foc = FocText, lsr = LsrText, horizon = StoreFormats.Text(horizon) },
                ActiveTransaction)
            .ToDictionary(
                r => r.OrderId,
                r => new Delivery.DeliveryRoute(StoredText.Channel(r.Channel), r.To is null ? null : new Delivery.MailThread(r.To, r.MessageId, r.References ?? string.Empty, r.Subject)));

    /// <summary>Moves these orders to <paramref name="state"/>, recording each one's cause and detail in its history.</summary>
    public void SetStates(IReadOnlyList<(long Id, string Detail)> orders, OrderState state, string cause)
    {
        var now = StoreFormats.Text(_clock.GetCurrentInstant());
        foreach (var chunk in orders.Chunk(RowsPerStatement))
        {
            Live.Execute(
                $"UPDATE orders SET state = @state, updated_at = @now WHERE {Dialect.InList("id", "@ids")}",
                new { state = StoredText.Of(state), now, ids = chunk.Select(o => o.Id).ToArray() },
                ActiveTransaction);
        }

        InsertRows("order_events", ["order_id", "at", "state", "cause", "detail"], orders.Select(o => new object?[] { o.Id, now, StoredText.Of(state), cause, o.Detail }));
    }

    /// <summary>Cancels the ported and disconnected TNs of these orders that are not activated (the disconnects are withdrawn with the port).</summary>
    public void CancelOpenTns(IReadOnlyList<long> orderIds)
    {
        foreach (var chunk in orderIds.Chunk(RowsPerStatement))
        {
            Live.Execute(
                $"UPDATE order_tns SET status = @canceled WHERE {Dialect.InList("order_id", "@ids")} AND lna IN (@port, @disconnect) AND status <> @activated",
                new { canceled = StoredText.Of(OrderTnStatus.Canceled), activated = StoredText.Of(OrderTnStatus.Activated), ids = chunk, port = StoredText.Of(Lna.Port), disconnect = StoredText.Of(Lna.Disconnect) },
                ActiveTransaction);
        }
    }

    /// <summary>Inserts rows with a multi-row INSERT per chunk, in the current unit of work.</summary>
    /// <remarks>Through the store's kept commands and prepared batches: a statement's text and parameter names are
    /// built once per table and chunk size, not once per call, and the chunk sizes are few (<see cref="StatementRows"/>),
    /// so that each is prepared once and the statements a connection keeps prepared stay a bounded set.</remarks>
    internal void InsertRows(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            for (var start = 0; start < chunk.Length;)
            {
                var count = StatementRows(chunk.Length - start);
                var (sql, names) = InsertStatement(table, columns, count);
                var parameters = new (string Name, object? Value)[names.Length];
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var i = (r * columns.Length) + c;
                        parameters[i] = (names[i], chunk[start + r][c]);
                    }
                }

                Defer(sql, parameters);
                start += count;
            }
        }
    }

    /// <summary>
    /// Rows in the next statement when <paramref name="left"/> remain: 100, 50, 20 or 10, and a remainder under 10 as
    /// it is (an order's TNs, typically). At most 13 statement texts per table, however the counts fall.
    /// </summary>
    private static int StatementRows(int left) => left switch
    {
        >= RowsPerStatement => RowsPerStatement,
        >= 50 => 50,
        >= 20 => 20,
        >= 10 => 10,
        _ => left,
    };

    private (string Sql, string[] Names) InsertStatement(string table, string[] columns, int rows)
    {
        if (!_insertStatements.TryGetValue((table, rows), out var statement))
        {
            var names = Enumerable.Range(0, rows).SelectMany(r => columns.Select((_, c) => $"@p{r}_{c}")).ToArray();
            var values = string.Join(", ", names.Chunk(columns.Length).Select(row => "(" + string.Join(", ", row) + ")"));
            statement = ($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {values}", columns, names);
            _insertStatements.Add((table, rows), statement);
        }
        else if (!statement.Columns.AsSpan().SequenceEqual(columns))
        {
            throw new InvalidOperationException($"InsertRows into {table} with another column list than before; one list per table.");
        }

        return (statement.Sql, statement.Names);
    }
}
