using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integra.Gateway.Storage.Resilience;

/// <summary>Which failures of the store pass by themselves, so that the same work on a fresh connection will succeed.</summary>
public static class StoreFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// A transient failure: the connection broke or could not be made (a reset, a server restart or fail-over:
    /// <c>57P01</c>, the <c>08</c> class), the server is starting or full (<c>57P03</c>, <c>53300</c>), the
    /// transaction lost a serialisation race or a deadlock (<c>40001</c>, <c>40P01</c>), or a SQLite file stayed
    /// busy beyond its timeout. A constraint violation, a syntax error or a missing table is not: retrying it fails
    /// again.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException p => IsTransientState(p.SqlState),

        // Npgsql's own exceptions (not the server's) are the connection's: I/O, connect, timeout, pool exhausted.
        NpgsqlException => true,
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        TimeoutException or EndOfStreamException or SocketException => true,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };

    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01";

    /// <summary>The failure in one line for a log: its type and message, with the innermost cause's when that says more.</summary>
    public static string OneLine(Exception e)
    {
        var inner = e.GetBaseException();
        var text = inner == e || e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.GetType().Name}: {e.Message}"
            : $"{e.GetType().Name}: {e.Message} ({inner.GetType().Name}: {inner.Message})";
        return text.ReplaceLineEndings(" ");
    }
}
