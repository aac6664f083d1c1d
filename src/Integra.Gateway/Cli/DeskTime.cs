using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Cli;

/// <summary>
/// Instants as the ordering desk reads them: in its zone (<c>Operations:TimeZone</c>), to the second, with the
/// offset, e.g. <c>2026-03-02 12:30:00 -07:00</c>. Machine output (<c>--json</c>) keeps the stored UTC instants.
/// </summary>
internal sealed class DeskTime(DateTimeZone zone)
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss o<+HH:mm>");

    public DateTimeZone Zone => zone;

    public string Format(Instant instant) => Pattern.Format(instant.InZone(zone).ToOffsetDateTime());

    /// <summary>A stored instant (ISO text) in the desk's zone; text that is not an instant is shown as it is, null as "-".</summary>
    public string Format(string? stored)
    {
        if (stored is null)
        {
            return "-";
        }

        var parsed = InstantPattern.ExtendedIso.Parse(stored);
        if (!parsed.Success)
        {
            var offset = OffsetDateTimePattern.ExtendedIso.Parse(stored);
            return offset.Success ? Format(offset.Value.ToInstant()) : stored;
        }

        return Format(parsed.Value);
    }
}
