using MimeKit;

namespace Integra.Gateway.Mail;

/// <summary>
/// A named attachment of a partner's message, decoded once: its bytes key the message in the ledger, are processed
/// as a request file, or are kept as an LOA.
/// </summary>
internal sealed record MailAttachment(string FileName, byte[] Content)
{
    /// <summary>The message's attachments that have a file name, decoded (the message is already size-bounded).</summary>
    public static IReadOnlyList<MailAttachment> Of(MimeMessage? message) =>
        message?.Attachments.OfType<MimePart>().Where(a => a.FileName is not null).Select(Decode).ToList() ?? [];

    private static MailAttachment Decode(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        return new MailAttachment(part.FileName!, content.ToArray());
    }
}
