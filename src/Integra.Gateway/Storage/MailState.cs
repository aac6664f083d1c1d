namespace Integra.Gateway.Storage;

/// <summary>How far the answer to one mail message got.</summary>
public enum MailState
{
    /// <summary>
    /// The reply is going out: recorded with its MIME bytes before the SMTP send, so that a round finding the message
    /// again never decides and replies anew; it sends these same bytes again only once the record is stale (the
    /// process that sent it died before it could record the send).
    /// </summary>
    Replying,

    /// <summary>The reply went out; the message is still to be moved out of the inbox.</summary>
    Replied,

    /// <summary>Replied and moved: done.</summary>
    Done,
}
