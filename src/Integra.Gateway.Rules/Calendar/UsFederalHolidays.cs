using NodaTime;

namespace Integra.Gateway.Rules.Calendar;

/// <summary>
/// US federal holidays (5 U.S.C. 6103) with their observed dates: a holiday on a Saturday is observed the
/// Friday before, on a Sunday the Monday after. Used to generate the shipped holidays.csv so that nobody
/// types dates by hand; operations may add company holidays to the file.
/// </summary>
public static class UsFederalHolidays
{
    /// <summary>The observed federal holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<(LocalDate Date, string Name)> For(int year)
    {
        var list = new List<(LocalDate, string)>
        {
            (Observed(new LocalDate(year, 1, 1)), "New Year's Day"),
            (Nth(year, 1, IsoDayOfWeek.Monday, 3), "Birthday of Martin Luther King, Jr."),
            (Nth(year, 2, IsoDayOfWeek.Monday, 3), "Washington's Birthday"),
            (Last(year, 5, IsoDayOfWeek.Monday), "Memorial Day"),
            (Observed(new LocalDate(year, 7, 4)), "Independence Day"),
            (Nth(year, 9, IsoDayOfWeek.Monday, 1), "Labor Day"),
            (Nth(year, 10, IsoDayOfWeek.Monday, 2), "Columbus Day"),
            (Observed(new LocalDate(year, 11, 11)), "Veterans Day"),
            (Nth(year, 11, IsoDayOfWeek.Thursday, 4), "Thanksgiving Day"),
            (Observed(new LocalDate(year, 12, 25)), "Christmas Day"),
        };

        // Juneteenth became a federal holiday in 2021.
        if (year >= 2021)
        {
            list.Add((Observed(new LocalDate(year, 6, 19)), "Juneteenth National Independence Day"));
        }

        // New Year's Day of the next year observed on Friday Dec 31 belongs to this calendar year.
        var nextNewYear = Observed(new LocalDate(year + 1, 1, 1));
        if (nextNewYear.Year == year)
        {
            list.Add((nextNewYear, "New Year's Day"));
        }

        list.RemoveAll(h => h.Item1.Year != year);
        return [.. list.OrderBy(h => h.Item1)];
    }

    private static LocalDate Observed(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(-1),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static LocalDate Nth(int year, int month, IsoDayOfWeek day, int n) =>
        new LocalDate(year, month, 1).PlusDays(-1).Next(day).PlusWeeks(n - 1);

    private static LocalDate Last(int year, int month, IsoDayOfWeek day) =>
        new LocalDate(year, month, 1).PlusMonths(1).Previous(day);
}
