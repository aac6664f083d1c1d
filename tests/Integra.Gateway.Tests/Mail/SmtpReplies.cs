using Integra.Gateway.Tests.Servers;
using MimeKit;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests.Mail;

/// <summary>What the gateway sent through the test SMTP receiver (its maildir), read the way a partner would.</summary>
internal static class SmtpReplies
{
    /// <summary>Every message sent so far in reply to <paramref name="original"/>.</summary>
    public static List<MimeMessage> RepliesTo(this TestServersFixture servers, MimeMessage original)
    {
        var dir = Path.Combine(servers.SmtpMaildir, "new");
        return !Directory.Exists(dir) ? [] : Directory.GetFiles(dir).Select(f => MimeMessage.Load(f)).Where(m => m.InReplyTo == original.MessageId).ToList();
    }

    /// <summary>The text of a reply's attachment by file name.</summary>
    public static string Csv(MimeMessage reply, string name)
    {
        var part = reply.Attachments.OfType<MimePart>().Single(a => a.FileName == name);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }
}
