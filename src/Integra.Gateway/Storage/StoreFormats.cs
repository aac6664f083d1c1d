using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Storage;

/// <summary>How NodaTime values are written as text in the store: ISO, sortable, zone-free.</summary>
internal static class StoreFormats
{
    public static string Text(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static Instant Instant(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    public static string? Text(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

    public static LocalDate? Date(string? text) => text is null ? null : LocalDatePattern.Iso.Parse(text).Value;
}
