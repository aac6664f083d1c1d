using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;

namespace Integra.Gateway.Portal.Disputes;

/// <summary>
/// Checks a document of an answer as the intake checks an LOA (SPEC §2, §7): by its content, never by its name, and
/// against the LOA size limit. Only PDF, TIFF, PNG and JPEG are evidence.
/// </summary>
public static class EvidenceDocuments
{
    /// <summary>The document as it will be stored, or the reason it is refused (in words for the partner).</summary>
    public static (EvidenceDocument? Document, string? Problem) Check(string fileName, byte[] content, int maxBytes)
    {
        var name = PlainName(fileName);
        if (content.Length > maxBytes)
        {
            return (null, $"{name} is larger than {maxBytes / (1024 * 1024)} MB, the limit for authorization documents.");
        }

        var kind = LoaSniffer.Detect(content.AsSpan(0, Math.Min(content.Length, LoaSniffer.HeadLength)), content.Length);
        return kind switch
        {
            LoaContent.Pdf => (new EvidenceDocument(name, "application/pdf", content), null),
            LoaContent.Tiff => (new EvidenceDocument(name, "image/tiff", content), null),
            LoaContent.Png => (new EvidenceDocument(name, "image/png", content), null),
            LoaContent.Jpeg => (new EvidenceDocument(name, "image/jpeg", content), null),
            LoaContent.Empty => (null, $"{name} is empty."),
            _ => (null, $"{name} is not a PDF, TIFF, PNG or JPEG document (judged by its content, not its name)."),
        };
    }

    // The name is shown and used in the package: no folders, no control characters, not too long.
    private static string PlainName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Select(c => char.IsControl(c) || c is '/' or ':' or '"' ? '_' : c).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "document";
        }

        return name.Length <= 120 ? name : name[^120..];
    }
}
