using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Logging;

/// <summary>The webhook channel's log events (700s), documented in the README with the others.</summary>
public static partial class GatewayLog
{
    [LoggerMessage(EventId = 700, EventName = "WebhookFlagged", Level = LogLevel.Error,
        Message = "Webhook event {EventKey} for {Partner} was not accepted by {Url} within the retry window ({Attempts} attempts, last: {Outcome}): flagged, the partner can redeliver it")]
    public static partial void WebhookFlagged(this ILogger logger, string partner, string eventKey, string url, int attempts, string outcome);

    [LoggerMessage(EventId = 701, EventName = "WebhookAttemptFailed", Level = LogLevel.Warning,
        Message = "Webhook event {EventKey} for {Partner} to {Url}: {Outcome}; attempt {Attempts}, next at {NextAt}")]
    public static partial void WebhookAttemptFailed(this ILogger logger, string partner, string eventKey, string url, int attempts, string outcome, string nextAt);
}
