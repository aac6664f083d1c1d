using Integra.Gateway.Csv;
using Integra.Gateway.Processing;

namespace Integra.Gateway.Mail;

/// <summary>LOA documents attached to the same email as the CSR file, found by their file name.</summary>
internal sealed class AttachmentLoaSource(IReadOnlyList<MailAttachment> attachments) : ILoaSource
{
    public LoaDocument? Fetch(string name)
    {
        var attachment = attachments.FirstOrDefault(a => string.Equals(a.FileName, name, StringComparison.Ordinal));
        return attachment is not null && SafeFileName.IsPlain(name) && attachment.Content.Length <= LoaDocument.MaxBytes
            ? new LoaDocument(name, attachment.Content)
            : null;
    }
}
