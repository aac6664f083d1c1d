using Npgsql;
using NpgsqlTypes;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// Binary COPY of the waiting INSERTs that allow it (<see cref="CopyTarget"/>), on PostgreSQL: a large file's new
/// orders, versions, TNs and events go in one stream per table and flush, instead of a statement each that the server
/// parses, plans and executes (the durable-write floor writes the same rows this way).
/// </summary>
internal sealed partial class Statements
{
    /// <summary>Sends the copy rows among <paramref name="writes"/>, target by target in <see cref="CopyTarget.Order"/>.</summary>
    private void CopyRows(IEnumerable<Write> writes)
    {
        var connection = (NpgsqlConnection)owner.RawConnection;
        foreach (var target in writes.Where(w => w.Copy is not null).GroupBy(w => w.Copy!).OrderBy(g => g.Key.Order))
        {
            using var importer = connection.BeginBinaryImport(target.Key.Copy);
            var width = target.Key.Columns.Length;
            foreach (var write in target)
            {
                for (var i = 0; i < write.Parameters.Length; i++)
                {
                    if (i % width == 0)
                    {
                        importer.StartRow();
                    }

                    WriteValue(importer, write.Parameters[i].Value);
                }
            }

            importer.Complete();
        }
    }

    // The copied tables' columns are TEXT and BIGINT (the dialect's INTEGER): binary COPY needs the exact type.
    private static void WriteValue(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                importer.WriteNull();
                break;
            case string text:
                importer.Write(text, NpgsqlDbType.Text);
                break;
            case long number:
                importer.Write(number, NpgsqlDbType.Bigint);
                break;
            case int number:
                importer.Write((long)number, NpgsqlDbType.Bigint);
                break;
            default:
                throw new InvalidOperationException($"A copied row has a value of type {value.GetType().Name}; copy only TEXT and BIGINT columns.");
        }
    }
}
