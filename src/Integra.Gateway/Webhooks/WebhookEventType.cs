namespace Integra.Gateway.Webhooks;

/// <summary>What a webhook event tells (its <c>type</c>), and the text partners see.</summary>
public enum WebhookEventType
{
    /// <summary>Answer rows sent to the partner on its channel: a request file's response, or a later answer (review FOC, expiry or closure CAN).</summary>
    Answer,

    /// <summary>Every ported TN of the order is activated in NPAC: the order is COMPLETE.</summary>
    OrderCompleted,

    /// <summary>The order expired (FOC + 4 business days without activation).</summary>
    OrderExpired,

    /// <summary>The order was closed by too many due-date supplements (S5).</summary>
    OrderClosed,

    /// <summary>The order was canceled by a SUP 1.</summary>
    OrderCanceled,

    /// <summary>The desk asked for evidence of the end user's authorization.</summary>
    EvidenceRequested,
}

/// <summary>The texts of <see cref="WebhookEventType"/> on the wire and in the store.</summary>
public static class WebhookEventTypes
{
    public static string Text(this WebhookEventType type) => type switch
    {
        WebhookEventType.Answer => "answer",
        WebhookEventType.OrderCompleted => "order.completed",
        WebhookEventType.OrderExpired => "order.expired",
        WebhookEventType.OrderClosed => "order.closed",
        WebhookEventType.OrderCanceled => "order.canceled",
        WebhookEventType.EvidenceRequested => "evidence.requested",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The event type of an order history row in this stored state (see <c>WebhookFeedStore.OrderEvents</c>).</summary>
    public static WebhookEventType OfState(string state) => state switch
    {
        "Complete" => WebhookEventType.OrderCompleted,
        "Expired" => WebhookEventType.OrderExpired,
        "Closed" => WebhookEventType.OrderClosed,
        "Canceled" => WebhookEventType.OrderCanceled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a state the feed reads"),
    };
}
