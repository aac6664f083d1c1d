using Integra.Gateway.Rules.Calendar;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

public class CalendarTests
{
    private static readonly BusinessCalendar Calendar = Data.Calendar;

    [Theory]
    [InlineData("2026-03-02", true)] // Monday
    [InlineData("2026-03-07", false)] // Saturday
    [InlineData("2026-03-08", false)] // Sunday
    [InlineData("2026-11-26", false)] // Thanksgiving
    [InlineData("2026-11-27", true)] // day after Thanksgiving is not a federal holiday
    [InlineData("2026-07-03", false)] // July 4 on a Saturday, observed Friday
    [InlineData("2027-12-31", false)] // New Year 2028 on a Saturday, observed Friday Dec 31
    [InlineData("2027-07-05", false)] // July 4 2027 on a Sunday, observed Monday
    public void Business_days_exclude_weekends_and_observed_holidays(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsBusinessDay(Date(date)));

    [Theory]
    [InlineData("2026-03-02", 1, "2026-03-03")]
    [InlineData("2026-03-06", 1, "2026-03-09")]
    [InlineData("2026-03-02", 4, "2026-03-06")]
    [InlineData("2026-11-25", 1, "2026-11-27")]
    [InlineData("2027-12-30", 1, "2028-01-03")]
    [InlineData("2026-03-02", 0, "2026-03-02")]
    public void AddBusinessDays_skips_weekends_and_holidays(string from, int days, string expected) =>
        Assert.Equal(Date(expected), Calendar.AddBusinessDays(Date(from), days));

    [Theory]
    [InlineData("2026-03-02", "2026-03-06", 4)]
    [InlineData("2026-03-06", "2026-03-09", 1)]
    [InlineData("2026-03-06", "2026-03-06", 0)]
    [InlineData("2026-03-09", "2026-03-06", 0)]
    public void BusinessDaysBetween_counts_the_half_open_range(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.BusinessDaysBetween(Date(from), Date(to)));

    [Theory]
    [InlineData(2023, "2023-01-02")] // New Year on a Sunday, observed Monday
    [InlineData(2026, "2026-01-01")]
    [InlineData(2026, "2026-01-19")]
    [InlineData(2026, "2026-02-16")]
    [InlineData(2026, "2026-05-25")]
    [InlineData(2026, "2026-06-19")]
    [InlineData(2026, "2026-07-03")]
    [InlineData(2026, "2026-09-07")]
    [InlineData(2026, "2026-10-12")]
    [InlineData(2026, "2026-11-11")]
    [InlineData(2026, "2026-11-26")]
    [InlineData(2026, "2026-12-25")]
    [InlineData(2027, "2027-12-24")]
    [InlineData(2027, "2027-12-31")]
    [InlineData(2029, "2029-11-12")] // Veterans Day on a Sunday
    public void Federal_holidays_are_generated_with_observed_dates(int year, string expected) =>
        Assert.Contains(UsFederalHolidays.For(year), h => h.Date == Date(expected));

    [Fact]
    public void Federal_holidays_have_eleven_per_year_and_never_a_weekend()
    {
        for (var year = 2024; year <= 2030; year++)
        {
            var list = UsFederalHolidays.For(year);
            Assert.All(list, h => Assert.True(h.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)));
            Assert.All(list, h => Assert.Equal(year, h.Date.Year));
        }

        // 2027 carries New Year 2028 (observed Dec 31); 2028 therefore has only ten.
        Assert.Equal(12, UsFederalHolidays.For(2027).Count);
        Assert.Equal(10, UsFederalHolidays.For(2028).Count);
        Assert.Equal(11, UsFederalHolidays.For(2026).Count);
    }
}
