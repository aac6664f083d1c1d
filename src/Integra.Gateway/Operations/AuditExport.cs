using System.Text.Json;
using Integra.Gateway.Csv;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Operations;

/// <summary>
/// Everything Integra received for a PON, for an authorization dispute: the full history, the authorization
/// fields of every version with when and how they arrived, and the LOA documents byte for byte with their SHA-256.
/// </summary>
public static class AuditExport
{
    private static readonly string[] EvidenceColumns = ["AGAUTH", "AUTHNM", "DATED", "D/TSENT", "INITTEL", "LOA"];

    /// <summary>Writes one folder per order of the PON under <paramref name="outDir"/>; returns the folders.</summary>
    public static IReadOnlyList<string> Write(IUnitOfWork store, string pon, string? partner, string outDir)
    {
        var history = PonHistory.Read(store, pon, partner);
        var folders = new List<string>();
        foreach (var order in history.Orders)
        {
            var folder = Path.Combine(outDir, $"{order.Partner}-{order.Kind}-{order.Pon}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "history.json"), JsonSerializer.Serialize(order, ReportJson.Options));

            var rows = order.Versions.Select(v =>
            {
                var evidence = JsonSerializer.Deserialize<Dictionary<string, string>>(v.Evidence) ?? [];
                return new[] { v.Ver, v.ReceivedAt, v.Channel, v.File }.Concat(EvidenceColumns.Select(c => evidence.GetValueOrDefault(c, string.Empty))).ToArray();
            });
            CsvFiles.WriteAtomically(Path.Combine(folder, "evidence.csv"), ["VER", "RECEIVED_AT", "CHANNEL", "FILE", .. EvidenceColumns], rows);

            var documents = new List<string[]>();
            foreach (var v in order.Versions)
            {
                foreach (var (name, sha256, content) in store.History.Documents(v.Id))
                {
                    var target = $"{v.Ver}-{name}";
                    Directory.CreateDirectory(Path.Combine(folder, "documents"));
                    File.WriteAllBytes(Path.Combine(folder, "documents", target), content);
                    documents.Add([v.Ver, name, sha256, content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), $"documents/{target}"]);
                }
            }

            CsvFiles.WriteAtomically(Path.Combine(folder, "documents.csv"), ["VER", "NAME", "SHA256", "BYTES", "PATH"], documents);
            folders.Add(folder);
        }

        return folders;
    }
}
