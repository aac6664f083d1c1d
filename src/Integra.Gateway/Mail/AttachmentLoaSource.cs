using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using MimeKit;

namespace Integra.Gateway.Mail;

/// <summary>LOA documents attached to the same email as the CSR file, found by their file name.</summary>
internal sealed class AttachmentLoaSource(IReadOnlyList<MimePart> attachments) : ILoaSource
{
    public LoaContent Inspect(string name)
    {
        var part = attachments.FirstOrDefault(a => string.Equals(a.FileName, name, StringComparison.Ordinal));
        if (part?.Content is null || !SafeFileName.IsPlain(name))
        {
            return LoaContent.Missing;
        }

        using var content = new MemoryStream();
        part.Content.DecodeTo(content);
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        return LoaSniffer.Detect(bytes[..Math.Min(bytes.Length, LoaSniffer.HeadLength)], bytes.Length);
    }
}
