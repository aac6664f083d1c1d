namespace Integra.Gateway.Storage;

/// <summary>How far the answer to one mail message got.</summary>
public enum MailState
{
    /// <summary>The reply went out; the message is still to be moved out of the inbox.</summary>
    Replied,

    /// <summary>Replied and moved: done.</summary>
    Done,
}
