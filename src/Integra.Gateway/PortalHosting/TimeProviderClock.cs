using NodaTime;
using NodaTime.Extensions;

namespace Integra.Gateway.PortalHosting;

/// <summary>A NodaTime clock over a <see cref="TimeProvider"/>, so the portal's clock and the gateway's agree (a fake one in tests).</summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => time.GetUtcNow().ToInstant();
}
