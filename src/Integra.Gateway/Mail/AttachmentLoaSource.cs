using Integra.Gateway.Processing;
using MimeKit;

namespace Integra.Gateway.Mail;

/// <summary>LOA documents attached to the same email as the CSR file, found by their file name.</summary>
internal sealed class AttachmentLoaSource(IReadOnlyList<MimePart> attachments) : ILoaSource
{
    public LoaDocument? Fetch(string name)
    {
        var part = attachments.FirstOrDefault(a => string.Equals(a.FileName, name, StringComparison.Ordinal));
        if (part?.Content is null || !SafeFileName.IsPlain(name))
        {
            return null;
        }

        using var content = new MemoryStream();
        part.Content.DecodeTo(content);
        return content.Length <= LoaDocument.MaxBytes ? new LoaDocument(name, content.ToArray()) : null;
    }
}
