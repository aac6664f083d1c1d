using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>A channel the daemon runs (a partner's local or SFTP drop, the mailbox) and how stale its last good poll may be.</summary>
public sealed record ChannelExpectation(string Partner, string Channel, Duration MaxAge);
