using System.Buffers;
using System.Text;
using System.Text.Json;
using Integra.Gateway.Responses;

namespace Integra.Gateway.Storage;

/// <summary>
/// The JSON columns a decision writes (a version's response and evidence), written with one reused
/// <see cref="Utf8JsonWriter"/> instead of <see cref="JsonSerializer"/>: a large file stores one of each per request,
/// and the serializer's per-call set-up and boxing cost more than the writing. The text is the serializer's, byte for
/// byte (same default encoder), so rows written before and after read back alike.
/// </summary>
internal sealed class StoredJson : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public StoredJson() => _writer = new Utf8JsonWriter(_buffer);

    /// <summary>The cells of each row, as <c>[["FOC","ACM",...],...]</c>.</summary>
    public string Response(IReadOnlyList<ResponseRow> rows)
    {
        Reset();
        _writer.WriteStartArray();
        foreach (var row in rows)
        {
            _writer.WriteStartArray();
            foreach (var cell in row.Cells())
            {
                _writer.WriteStringValue(cell);
            }

            _writer.WriteEndArray();
        }

        _writer.WriteEndArray();
        return Text();
    }

    /// <summary>
    /// <see cref="Response"/>'s text as UTF-8, for a whole response file, in an array of exactly its length: bound as
    /// it is (<c>StoreDialect.TextFromUtf8</c>), where a string would be one copy in UTF-16 and the driver's conversion
    /// to UTF-8 another. The rows are written twice, first only to count the bytes: a growing buffer and its copy to
    /// the array's size were two more copies of the file's answer at the daemon's peak (about 10 MB for 50,000 rows;
    /// README, throughput).
    /// </summary>
    public static byte[] ResponseUtf8(IReadOnlyList<ResponseRow> rows)
    {
        var counter = new CountingWriter();
        WriteResponse(counter, rows);
        var utf8 = new byte[counter.Count];
        var exact = new FixedWriter(utf8);
        WriteResponse(exact, rows);
        if (exact.Written != utf8.Length)
        {
            throw new InvalidOperationException($"The response JSON took {exact.Written} bytes on the second writing, {utf8.Length} on the first.");
        }

        return utf8;
    }

    private static void WriteResponse(IBufferWriter<byte> output, IReadOnlyList<ResponseRow> rows)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            foreach (var cell in row.Cells())
            {
                writer.WriteStringValue(cell);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>Field name to value, as <c>{"AGAUTH":"Y",...}</c>, in the dictionary's order.</summary>
    public string Object(IReadOnlyDictionary<string, string> values)
    {
        Reset();
        _writer.WriteStartObject();
        foreach (var (name, value) in values)
        {
            _writer.WriteString(name, value);
        }

        _writer.WriteEndObject();
        return Text();
    }

    public void Dispose() => _writer.Dispose();

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private string Text()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
