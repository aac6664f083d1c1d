using Integra.Gateway.Csv;

namespace Integra.Gateway.Responses;

/// <summary>
/// Writes response files (SPEC §5): UTF-8 without BOM, RFC 4180, the contract's header, CSV injection
/// neutralised. A file appears only whole: it is written and flushed to disk under a temporary name, then
/// renamed into place.
/// </summary>
public static class ResponseWriter
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> atomically, replacing an older file of that name.</summary>
    public static void WriteFile(string path, IEnumerable<ResponseRow> rows) =>
        CsvFiles.WriteAtomically(path, ResponseRow.Columns, rows.Select(r => r.Cells()));

    /// <summary>The response CSV as bytes (for SFTP uploads and mail attachments).</summary>
    public static byte[] Bytes(IEnumerable<ResponseRow> rows)
    {
        using var buffer = new MemoryStream();
        CsvFiles.Write(buffer, ResponseRow.Columns, rows.Select(r => r.Cells()));
        return buffer.ToArray();
    }
}
