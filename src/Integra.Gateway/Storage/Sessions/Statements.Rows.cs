namespace Integra.Gateway.Storage.Sessions;

/// <summary>Multi-row INSERTs: a statement per row (an order's TNs, a sweep's events) costs more than the rest of a request.</summary>
internal sealed partial class Statements
{
    /// <summary>Rows per multi-row statement, and ids per set-based UPDATE.</summary>
    public const int RowsPerStatement = 100;

    private readonly Dictionary<(string Table, int Rows), (string Sql, string[] Columns, string[] Names)> _insertStatements = [];

    /// <summary>
    /// Inserts rows with a multi-row INSERT per chunk, in the current unit of work; by binary COPY on PostgreSQL when
    /// <paramref name="copy"/> names the table (only rows no earlier waiting write could touch: see <see cref="CopyTarget"/>).
    /// </summary>
    /// <remarks>Through the kept commands and prepared batches: a statement's text and parameter names are
    /// built once per table and chunk size, not once per call, and the chunk sizes are few (<see cref="StatementRows"/>),
    /// so that each is prepared once and the statements a connection keeps prepared stay a bounded set.</remarks>
    public async ValueTask InsertRowsAsync(string table, string[] columns, IEnumerable<object?[]> rows, CopyTarget? copy, CancellationToken cancellationToken)
    {
        foreach (var (sql, parameters) in InsertStatements(table, columns, rows, copy))
        {
            await DeferRowsAsync(copy, sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The multi-row INSERTs of <see cref="InsertRowsAsync"/>, chunk by chunk, each with its parameters.</summary>
    private IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> InsertStatements(string table, string[] columns, IEnumerable<object?[]> rows, CopyTarget? copy)
    {
        if (copy is not null && (copy.Table != table || !copy.Columns.AsSpan().SequenceEqual(columns)))
        {
            throw new ArgumentException($"The copy target {copy.Table} is not the table and columns inserted into ({table}).", nameof(copy));
        }

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

                yield return (sql, parameters);
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
