namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// Where a waiting INSERT's rows can go by binary COPY on PostgreSQL (<see cref="Statements.DeferRowsAsync"/>): the table,
/// its columns in the order of the statement's parameters, and its place among the other targets, parents before
/// children (<see cref="Order"/>), since a flush sends every target's rows, in that order, before its other writes.
/// </summary>
/// <remarks>
/// Only for rows that no earlier waiting write could touch (a new order, its version, its first TNs, events): they
/// may then be sent before the statements that waited with them. The statements queued after them still run after.
/// </remarks>
internal sealed record CopyTarget(string Table, string[] Columns, int Order)
{
    /// <summary>The COPY statement, built once per target.</summary>
    public string Copy { get; } = $"COPY {Table} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)";
}
