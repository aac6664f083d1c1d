using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>The clock of a command run "as of" an instant given on the command line (<c>--now</c>).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
