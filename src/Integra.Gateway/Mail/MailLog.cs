using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Mail;

/// <summary>The mailbox's own events (README, "Log events").</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 113, EventName = "MailReplySentAgain", Level = LogLevel.Warning,
        Message = "Sent the reply {ReplyId} to mail from {Partner} <{Sender}> (Message-ID {MessageId}) again, the same message: it was going out {Since} and its send was never recorded (the gateway stopped in between); the partner may see it twice under one Message-ID")]
    public static partial void MailReplySentAgain(this ILogger logger, string partner, string sender, string? messageId, string replyId, string since);
}
