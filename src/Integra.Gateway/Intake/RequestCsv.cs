using System.Globalization;
using System.Text;
using CsvHelper;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Intake;

/// <summary>
/// Writes a request file (SPEC §2) from field values, in the columns the rules know for its kind
/// (<see cref="FieldNames.LsrColumns"/>, <see cref="FieldNames.CsrColumns"/>): a portal form becomes the same bytes a
/// partner would upload, read back by the one <see cref="RequestFileReader"/>. Cells are written as given (a request is
/// not a spreadsheet download: no CSV-injection apostrophe, which would change what the partner sent).
/// </summary>
public static class RequestCsv
{
    public static byte[] Write(FileKind kind, IEnumerable<IReadOnlyDictionary<Field, string>> rows)
    {
        var columns = kind == FileKind.Lsr ? FieldNames.LsrColumns : FieldNames.CsrColumns;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Name());
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    csv.WriteField(row.TryGetValue(column, out var value) ? value : string.Empty);
                }

                csv.NextRecord();
            }
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }
}
