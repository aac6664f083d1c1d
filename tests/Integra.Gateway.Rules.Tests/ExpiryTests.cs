using Integra.Gateway.Rules.Policy;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

public class ExpiryTests
{
    private static readonly DateTimeZone Denver = DateTimeZoneProviders.Tzdb["America/Denver"];
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    [Theory]
    [InlineData("2026-03-02", "2026-03-06T23:59:59-07:00", false)] // Friday, end of day: still open
    [InlineData("2026-03-02", "2026-03-07T00:00:00-07:00", true)] // Saturday: expired
    [InlineData("2026-11-23", "2026-11-30T23:00:00-07:00", false)] // Thanksgiving is not counted: last day Monday 11-30
    [InlineData("2026-11-23", "2026-12-01T06:00:00-07:00", true)]
    [InlineData("2026-12-28", "2027-01-01T12:00:00-07:00", false)] // New Year's Day skipped: last day 2027-01-04
    [InlineData("2026-12-28", "2027-01-05T06:00:00-07:00", true)]
    public void Expiry_after_four_business_days_following_the_foc_date(string foc, string now, bool expired) =>
        Assert.Equal(expired, Expiry.IsExpired(Date(foc), At(now), Denver, Data.Calendar, Options));

    [Fact]
    public void Expiry_uses_the_orders_local_date()
    {
        // 07:30 UTC on Saturday 2026-03-07 is 00:30 Saturday in Denver but 23:30 Friday in Los Angeles.
        var now = At("2026-03-07T07:30:00Z");
        Assert.True(Expiry.IsExpired(Date("2026-03-02"), now, Denver, Data.Calendar, Options));
        Assert.False(Expiry.IsExpired(Date("2026-03-02"), now, LosAngeles, Data.Calendar, Options));
    }
}
