using NodaTime;

namespace Integra.Gateway.Bench;

/// <summary>
/// The instant the generated files arrive at: the bench's DDDs are valid against it, so every mode decides the same
/// FOCs whatever the day the bench runs.
/// </summary>
internal sealed class BenchClock : IClock
{
    public static readonly Instant Received = Instant.FromUtc(2026, 3, 2, 18, 0);

    /// <summary>The same instant as text, for <c>process --received</c>.</summary>
    public const string ReceivedText = "2026-03-02T10:00:00-08:00";

    public Instant GetCurrentInstant() => Received;
}
