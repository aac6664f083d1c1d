using System.Globalization;
using CsvHelper;

namespace Integra.Gateway.Bench;

/// <summary>One LSR of the generated file as the floor stores it: its first row and the TN of each of its rows.</summary>
internal sealed class FloorRequest(long id, string[] first)
{
    public long Id => id;

    public string[] First => first;

    public List<string> Tns { get; } = [];

    /// <summary>The request's size in the file, for <see cref="FloorRequests.Response"/>.</summary>
    public int Bytes { get; set; }
}

/// <summary>
/// The floor's parse: CsvHelper's parser, rows grouped into requests by CCNA+PON+VER as they stream (the generated
/// file keeps a request's rows together). No validation, no policy: only what inserting the rows needs.
/// </summary>
internal static class FloorRequests
{
    private const int Ccna = 0;
    private const int Pon = 1;
    private const int Ver = 2;
    public const int Tn = 13;

    public static IEnumerable<FloorRequest> Read(string file)
    {
        using var reader = new StreamReader(file);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        parser.Read();
        FloorRequest? current = null;
        long id = 0;
        while (parser.Read())
        {
            var record = parser.Record!;
            if (current is null || current.First[Ccna] != record[Ccna] || current.First[Pon] != record[Pon] || current.First[Ver] != record[Ver])
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = new FloorRequest(++id, record);
            }

            current.Tns.Add(record[Tn]);
            current.Bytes += parser.RawRecord.Length;
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>
    /// A stand-in for the version's stored response, as long as the gateway's JSON of it (16 cells a TN, most of
    /// them the request's own values): the floor writes as many bytes, not fewer.
    /// </summary>
    public static string Response(FloorRequest request) => new('r', request.Bytes + (request.Tns.Count * 64));

    /// <summary>A stand-in for the content hash: 64 hex digits, unique per request (the unique index sees distinct keys).</summary>
    public static string Hash(FloorRequest request) => request.Id.ToString("x64", CultureInfo.InvariantCulture);

    /// <summary>The authorization evidence as the gateway keeps it (its size; the floor does not serialize).</summary>
    public static string Evidence(FloorRequest request) =>
        $"{{\"AGAUTH\":\"{request.First[10]}\",\"AUTHNM\":\"{request.First[16]}\",\"DATED\":\"{request.First[17]}\",\"D/TSENT\":\"{request.First[15]}\",\"INITTEL\":\"{request.First[9]}\"}}";
}
