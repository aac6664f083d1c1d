using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Storage.Resilience;

/// <summary>The store's outage events (README, "Log events"): one when it starts failing, one when it answers again.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 210, EventName = "StoreUnavailable", Level = LogLevel.Warning,
        Message = "Order store {Store} unavailable ({What}); retrying on fresh connections: {Error}")]
    public static partial void StoreUnavailable(this ILogger logger, string store, string what, string error);

    [LoggerMessage(EventId = 211, EventName = "StoreRecovered", Level = LogLevel.Information,
        Message = "Order store {Store} answers again after {DownSeconds:F1} s unavailable")]
    public static partial void StoreRecovered(this ILogger logger, string store, double downSeconds);
}
