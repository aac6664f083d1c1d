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

    /// <inheritdoc cref="CopyRows"/>
    private async ValueTask CopyRowsAsync(IEnumerable<Write> writes, CancellationToken cancellationToken)
    {
        if (!Batches)
        {
            return;
        }

        var connection = (NpgsqlConnection)owner.RawConnection;
        foreach (var target in writes.Where(w => w.Copy is not null).GroupBy(w => w.Copy!).OrderBy(g => g.Key.Order))
        {
            var importer = await connection.BeginBinaryImportAsync(target.Key.Copy, cancellationToken).ConfigureAwait(false);
            await using (importer.ConfigureAwait(false))
            {
                var width = target.Key.Columns.Length;
                foreach (var write in target)
                {
                    for (var i = 0; i < write.Parameters.Length; i++)
                    {
                        if (i % width == 0)
                        {
                            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        }

                        await WriteValueAsync(importer, write.Parameters[i].Value, cancellationToken).ConfigureAwait(false);
                    }
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc cref="WriteValue"/>
    private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null or DBNull => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
        long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
        int number => importer.WriteAsync((long)number, NpgsqlDbType.Bigint, cancellationToken),
        _ => throw new InvalidOperationException($"A copied row has a value of type {value.GetType().Name}; copy only TEXT and BIGINT columns."),
    };

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
