using System.Globalization;
using System.Text;
using CsvHelper;

namespace Integra.Gateway.Portal.Documents;

/// <summary>Downloads as CSV: UTF-8, RFC 4180, cells that a spreadsheet would run as a formula neutralised (SPEC §5).</summary>
public static class CsvDocument
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var cell in header)
            {
                csv.WriteField(cell);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Neutralise(cell));
                }

                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;
}
