using System.Text;
using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using MimeKit;

namespace Integra.Gateway.Mail;

/// <summary>
/// Replies to partners' mail: threaded to the original, response files attached, a short summary in the body. A
/// reply's Message-ID comes from the ledger key of the message it answers, so that every reply to one message is one
/// message to the partner's mail system; the mailbox keeps the reply's bytes while it goes out and, when its send is
/// in doubt, sends those same bytes again (<see cref="MailIntake.ReplyClaim"/>).
/// </summary>
public sealed class ReplyBuilder(MailSettings settings)
{
    private readonly string _domain = settings.From.Split('@').Last();

    /// <summary>The answer to a message whose request files were processed.</summary>
    public MimeMessage Answer(string messageKey, MimeMessage original, MailboxAddress to, IReadOnlyList<FileOutcome> outcomes)
    {
        var body = new StringBuilder();
        body.AppendLine("Integra has processed the request file(s) attached to your message. The response files are attached.");
        body.AppendLine();
        foreach (var outcome in outcomes)
        {
            body.AppendLine($"{outcome.FileName}: {outcome.Requests} request(s), {outcome.Summary()} -> {outcome.ResponseName}");
        }

        var errors = outcomes.SelectMany(o => o.Rows).Where(r => r.RespTyp == ResponseType.Reject).Take(5).ToList();
        if (errors.Count > 0)
        {
            body.AppendLine();
            body.AppendLine("First errors:");
            foreach (var e in errors)
            {
                body.AppendLine($"  {(e.Pon.Length > 0 ? "PON " + e.Pon : "file")} {e.Code} {e.Field}: {e.Message}");
            }
        }

        var builder = new BodyBuilder { TextBody = body.ToString() };
        foreach (var outcome in outcomes)
        {
            builder.Attachments.Add(outcome.ResponseName, ResponseWriter.Bytes(outcome.Rows), new ContentType("text", "csv"));
        }

        return Reply(messageKey, original.MessageId, original.References, original.Subject, to, builder.ToMessageBody());
    }

    /// <summary>
    /// A later answer to a request that came by mail (review FOC, sweep or closure cancels), in the request's thread.
    /// Its Message-ID comes from the outbox file it delivers: delivered again after a crash, it is the same message.
    /// </summary>
    public MimeMessage Later(OutboxFile file, IReadOnlyList<ResponseRow> rows, MailThread thread)
    {
        var body = new StringBuilder();
        body.AppendLine("Integra has a further answer to your request; the response file is attached.");
        body.AppendLine();
        body.AppendLine($"{file.FileName}: {string.Join(' ', rows.GroupBy(r => ResponseCodes.Of(r.RespTyp)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))}");
        foreach (var pon in rows.Select(r => (r.Pon, r.Ver, RespTyp: ResponseCodes.Of(r.RespTyp), r.Dd, r.Code)).Distinct().Take(5))
        {
            body.AppendLine($"  PON {pon.Pon} VER {pon.Ver}: {pon.RespTyp} {pon.Dd}{pon.Code}".TrimEnd());
        }

        var builder = new BodyBuilder { TextBody = body.ToString() };
        builder.Attachments.Add(file.FileName, ResponseWriter.Bytes(rows), new ContentType("text", "csv"));
        var references = thread.References.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Reply($"outbox:{file.Partner}:{file.FileName}:{file.Ids[0]}", thread.MessageId, references, thread.Subject, MailboxAddress.Parse(thread.To), builder.ToMessageBody());
    }

    /// <summary>The polite answer to a message the gateway cannot use, saying what it expects.</summary>
    public MimeMessage Format(string messageKey, string? messageId, string? subject, MailboxAddress to, string problem)
    {
        var text = $"""
            Integra could not process your message: {problem}.

            Send each request file as a CSV attachment named *.lsr.csv (local service requests) or *.csr.csv
            (customer service record requests), UTF-8, one header row, with the columns of the OBF layout
            (CCNA, PON, VER, CC, NNSP, ...). LOA documents for CSR requests go in the same message as PDF, TIFF,
            PNG or JPEG attachments named in the LOA column. Only requests for service in Montana are accepted by
            email; all others go through your SFTP drop. Messages up to {settings.MaxMessageBytes / (1024 * 1024)} MiB.
            """;
        return Reply(messageKey, messageId, [], subject, to, new TextPart("plain") { Text = text });
    }

    private MimeMessage Reply(string messageKey, string? messageId, IEnumerable<string> references, string? subject, MailboxAddress to, MimeEntity body)
    {
        var reply = new MimeMessage
        {
            Subject = subject is { } s && s.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? s : $"Re: {subject}",
            Body = body,
            MessageId = $"reply-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)))[..32]}@{_domain}",
        };
        reply.From.Add(new MailboxAddress(settings.FromName, settings.From));
        reply.To.Add(to);
        if (messageId is not null)
        {
            reply.InReplyTo = messageId;
            foreach (var reference in references)
            {
                reply.References.Add(reference);
            }

            reply.References.Add(messageId);
        }

        return reply;
    }
}
