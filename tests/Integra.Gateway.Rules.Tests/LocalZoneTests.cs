using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>SPEC §4 "Local": the account's TIMEZONE, else in a SPLIT state its ZIP's zones.csv zone, else its state's.</summary>
public class LocalZoneTests
{
    private static DateTimeZone Tz(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>Oregon and North Dakota split, Washington not; a Washington row in zones.csv must change nothing.</summary>
    private static readonly ReferenceData Zoned = new(
        [],
        [],
        [],
        new Dictionary<string, string>(),
        [],
        new LocalZones(
            new Dictionary<string, DateTimeZone> { ["WA"] = Tz("America/Los_Angeles") },
            ["OR", "ND"],
            [
                new ZipZone("OR", "972", Tz("America/Los_Angeles")),
                new ZipZone("OR", "979", Tz("America/Boise")),
                new ZipZone("ND", "585", Tz("America/Chicago")),
                new ZipZone("ND", "58538", Tz("America/Denver")),
                new ZipZone("ND", "586", Tz("America/Denver")),
                new ZipZone("ND", "58638", Tz("America/Chicago")),
                new ZipZone("WA", "991", Tz("America/Boise")),
            ]),
        new Dictionary<(string, string), string>(),
        new BusinessCalendar([]));

    private static Account Account(string state, string zip, string? timeZone) =>
        new("A1", "Integra Telecom", state, zip, null, "Customer", "Address", ["POTS"], false, false, timeZone is null ? null : Tz(timeZone));

    [Theory]
    // A 3-digit prefix of a split state: Ontario (Malheur County) is on Mountain time, Portland on Pacific
    [InlineData("OR", "97914", null, "America/Boise")]
    [InlineData("OR", "97201", null, "America/Los_Angeles")]
    [InlineData("OR", "97914-1234", null, "America/Boise")]
    // A 5-digit row beats its 3-digit area, either way round
    [InlineData("ND", "58601", null, "America/Denver")]
    [InlineData("ND", "58638", null, "America/Chicago")]
    [InlineData("ND", "58501", null, "America/Chicago")]
    [InlineData("ND", "58538", null, "America/Denver")]
    [InlineData("nd", "58538", null, "America/Denver")]
    // The account's own TIMEZONE beats zones.csv and the state's zone
    [InlineData("OR", "97914", "America/Los_Angeles", "America/Los_Angeles")]
    [InlineData("WA", "98101", "America/Denver", "America/Denver")]
    [InlineData("OR", "97001", "America/Boise", "America/Boise")]
    // A state that is not split takes its own zone: its zones.csv rows are ignored
    [InlineData("WA", "99101", null, "America/Los_Angeles")]
    // A split state with no matching prefix, or no ZIP, gives no zone rather than a guess
    [InlineData("OR", "97001", null, null)]
    [InlineData("OR", "", null, null)]
    [InlineData("OR", "97", null, null)]
    // A state states.csv does not know
    [InlineData("MT", "59601", null, null)]
    public void Local_zone_of_a_split_state_comes_from_the_longest_zip_prefix(string state, string zip, string? timeZone, string? expected) =>
        Assert.Equal(expected, Zoned.ZoneOf(Account(state, zip, timeZone))?.Id);

    [Fact]
    public void A_split_state_has_no_zone_of_its_own()
    {
        Assert.Null(Zoned.StateZone("OR"));
        Assert.Equal("America/Los_Angeles", Zoned.StateZone("wa")?.Id);
    }

    [Fact]
    public void A_request_without_an_account_in_a_split_state_is_dated_in_the_fallback_zone()
    {
        var options = new PolicyOptions { FallbackZone = Tz("America/Chicago") };
        Assert.Equal("America/Chicago", LocalZone.Of(Zoned, null, "OR", options).Id);
        Assert.Equal("America/Los_Angeles", LocalZone.Of(Zoned, null, "WA", options).Id);
        Assert.Equal("America/Boise", LocalZone.Of(Zoned, Account("OR", "97914", null), "OR", options).Id);
    }

    [Fact]
    public void Zones_that_contradict_each_other_are_refused()
    {
        var pacific = new Dictionary<string, DateTimeZone> { ["OR"] = Tz("America/Los_Angeles") };
        Assert.Throws<ArgumentException>(() => new LocalZones(pacific, ["or"], []));
        Assert.Throws<ArgumentException>(() => new LocalZones(
            new Dictionary<string, DateTimeZone>(),
            ["OR"],
            [new ZipZone("OR", "979", Tz("America/Boise")), new ZipZone("or", "979", Tz("America/Los_Angeles"))]));
    }

    [Fact]
    public void An_oregon_account_on_mountain_time_is_received_a_day_later_at_the_same_instant()
    {
        // 12:30 in Portland (Pacific) is 13:30 in Ontario, Malheur County (Mountain): after the 13:00 simple cutoff.
        // The DDD is the received day, so each FOC is at its own SDD (L12): ERD + 1 business day.
        var received = At("2026-03-02T12:30:00-08:00");
        var portland = Decide(Lsr(SameDay("S-OR")), received);
        var ontario = Decide(Lsr(SameDay("S-OR-E")), received);

        Assert.Equal(Date("2026-03-02"), portland.EffectiveReceivedDate);
        Assert.Equal(Date("2026-03-03"), ontario.EffectiveReceivedDate);
        Assert.Equal(Date("2026-03-03"), Assert.IsType<Foc>(portland.Decision).DueDate);
        Assert.Equal(Date("2026-03-04"), Assert.IsType<Foc>(ontario.Decision).DueDate);
    }

    private static Dictionary<Field, string> SameDay(string an)
    {
        var values = SimpleAccounts.Of(an);
        values[Field.Ddd] = "2026-03-02";
        return values;
    }
}
