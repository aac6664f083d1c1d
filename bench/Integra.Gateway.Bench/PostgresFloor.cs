using Npgsql;
using NpgsqlTypes;

namespace Integra.Gateway.Bench;

/// <summary>
/// The durable-write floor on PostgreSQL (issue 18 (b)): the same rows as <see cref="SqliteFloor"/>, written with
/// binary COPY, one per table, in one transaction. COPY streams every row of a table in one round trip; it measured
/// faster here than multi-row INSERTs (see the README), so it is the floor.
/// </summary>
internal static class PostgresFloor
{
    public static int Run(string file, string database)
    {
        var requests = FloorRequests.Read(file).ToList();
        var now = BenchClock.Received.ToString();
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var orders = connection.BeginBinaryImport("COPY orders (id, partner, kind, ccna, pon, lsrno, state, an, service_state, zone, nnsp, foc_date, foc_ver, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in requests)
            {
                var f = r.First;
                Row(orders, r.Id, "ACME", "LSR", f[0], f[1], $"IG{r.Id:D8}", "Foc", f[11], "OR", "America/Los_Angeles", f[4], f[8], f[2], now, now);
            }

            orders.Complete();
        }

        using (var versions = connection.BeginBinaryImport("COPY versions (id, order_id, ver, sup, content_hash, channel, file_name, received_at, decided_at, outcome, rule_id, codes, response, evidence) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in requests)
            {
                Row(versions, r.Id, r.Id, r.First[2], string.Empty, FloorRequests.Hash(r), "SFTP", "bulk.lsr.csv", now, now, "FOC", "L13", string.Empty, FloorRequests.Response(r), FloorRequests.Evidence(r));
            }

            versions.Complete();
        }

        var rows = 0;
        using (var tns = connection.BeginBinaryImport("COPY order_tns (order_id, tn, lna, status, seq) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in requests)
            {
                for (var i = 0; i < r.Tns.Count; i++)
                {
                    Row(tns, r.Id, r.Tns[i], i == r.Tns.Count - 1 ? "R" : "P", "OPEN", (long)i);
                    rows++;
                }
            }

            tns.Complete();
        }

        using (var events = connection.BeginBinaryImport("COPY order_events (order_id, at, state, cause, detail) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in requests)
            {
                Row(events, r.Id, now, "Foc", "SFTP bulk.lsr.csv VER " + r.First[2], "FOC " + r.First[8] + " by L13");
            }

            events.Complete();
        }

        transaction.Commit();
        return rows;
    }

    private static void Row(NpgsqlBinaryImporter importer, params object[] values)
    {
        importer.StartRow();
        foreach (var value in values)
        {
            if (value is long number)
            {
                importer.Write(number, NpgsqlDbType.Bigint);
            }
            else
            {
                importer.Write((string)value, NpgsqlDbType.Text);
            }
        }
    }
}
