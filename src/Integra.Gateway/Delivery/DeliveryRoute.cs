using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Delivery;

/// <summary>
/// Where the answers of an order go: the channel its request came on and, for mail, the thread to reply in
/// (SPEC §1 "Where answers go"). Kept with the order at every filed version and with every outbox file, so a later
/// answer (review, sweep, closure) travels back the way the request came, like Camel's ReplyTo.
/// </summary>
/// <param name="Channel">The channel whose worker delivers.</param>
/// <param name="Thread">For <see cref="Channel.Email"/>: the message to answer; null for the drops and the portal.</param>
public sealed record DeliveryRoute(Channel Channel, MailThread? Thread = null)
{
    /// <summary>Text that tells two routes apart, for grouping rows of one sweep into one file per route.</summary>
    public string Key => Thread is { } t ? $"{Channel}|{t.To}|{t.MessageId}" : Channel.ToString();
}

/// <summary>A partner's message that later answers reply to, in the same thread.</summary>
/// <param name="To">The sender of the request, who gets the answers.</param>
/// <param name="MessageId">Message-ID of the request message (In-Reply-To of the answers); null when it had none.</param>
/// <param name="References">The request's References header, space-separated; the answer adds the Message-ID.</param>
/// <param name="Subject">The request's subject; answers say "Re:" it.</param>
public sealed record MailThread(string To, string? MessageId, string References, string? Subject);
