using NodaTime;

namespace Integra.Gateway.Storage.Api;

/// <summary>The API's instants (the portal's <see cref="DateTimeOffset"/>s) as the store keeps instants: ISO text in UTC.</summary>
internal static class ApiTimes
{
    public static string? Text(DateTimeOffset? at) => at is { } a ? StoreFormats.Text(Instant.FromDateTimeOffset(a)) : null;

    public static DateTimeOffset Time(string text) => StoreFormats.Instant(text).ToDateTimeOffset();
}
