using Microsoft.Data.Sqlite;

namespace Integra.Gateway.Bench;

/// <summary>
/// The durable-write floor on SQLite (issue 18 (b)): the file parsed and the rows the gateway stores for it (an
/// order, a version with its response, its TNs and an event per request) inserted into the gateway's own schema in
/// one transaction, through four prepared statements reused for every row, committed with the gateway's settings
/// (WAL, synchronous=FULL). No reads, no policy, no response file: what no implementation can go below.
/// </summary>
internal static class SqliteFloor
{
    public static int Run(string file, string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        using var transaction = connection.BeginTransaction();
        using var order = Prepare(connection, transaction, "INSERT INTO orders (id, partner, kind, ccna, pon, lsrno, state, an, service_state, zone, nnsp, foc_date, foc_ver, created_at, updated_at) VALUES (@id, 'ACME', 'LSR', @ccna, @pon, @lsrno, 'Foc', @an, 'OR', 'America/Los_Angeles', @nnsp, @dd, @ver, @now, @now)", "@id", "@ccna", "@pon", "@lsrno", "@an", "@nnsp", "@dd", "@ver", "@now");
        using var version = Prepare(connection, transaction, "INSERT INTO versions (id, order_id, ver, sup, content_hash, channel, file_name, received_at, decided_at, outcome, rule_id, codes, response, evidence) VALUES (@id, @id, @ver, '', @hash, 'SFTP', 'bulk.lsr.csv', @now, @now, 'FOC', 'L13', '', @response, @evidence)", "@id", "@ver", "@hash", "@now", "@response", "@evidence");
        using var tn = Prepare(connection, transaction, "INSERT INTO order_tns (order_id, tn, lna, status, seq) VALUES (@id, @tn, @lna, 'OPEN', @seq)", "@id", "@tn", "@lna", "@seq");
        using var evt = Prepare(connection, transaction, "INSERT INTO order_events (order_id, at, state, cause, detail) VALUES (@id, @now, 'Foc', @cause, @detail)", "@id", "@now", "@cause", "@detail");
        var now = BenchClock.Received.ToString();
        var rows = 0;
        foreach (var request in FloorRequests.Read(file))
        {
            var f = request.First;
            Run(order, request.Id, f[0], f[1], $"IG{request.Id:D8}", f[11], f[4], f[8], f[2], now);
            Run(version, request.Id, f[2], FloorRequests.Hash(request), now, FloorRequests.Response(request), FloorRequests.Evidence(request));
            for (var i = 0; i < request.Tns.Count; i++)
            {
                Run(tn, request.Id, request.Tns[i], i == request.Tns.Count - 1 ? "R" : "P", (long)i);
                rows++;
            }

            Run(evt, request.Id, now, "SFTP bulk.lsr.csv VER " + f[2], "FOC " + f[8] + " by L13");
        }

        transaction.Commit();
        return rows;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
