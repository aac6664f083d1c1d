using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Webhooks;

/// <summary>Partner webhooks (section <c>Webhooks</c>): how often the feed and the deliveries run, and the retry schedule.</summary>
public sealed class WebhookSettings
{
    /// <summary>Run the feed and the deliveries in this instance (every instance on one database may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often new events are read from the store and due deliveries are sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest one POST may take, connection included; longer is a failed attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Deliver to loopback addresses (a receiver on this machine): for tests and development only. Off in production,
    /// where a loopback URL would let a partner make the gateway POST to its own and its neighbours' local services.
    /// Private, link-local and multicast addresses are refused whatever this says (<see cref="WebhookTargets"/>).
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long a delivery is retried, from its event (or its redelivery); then it is flagged.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);
}
