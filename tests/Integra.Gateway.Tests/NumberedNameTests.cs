using Integra.Gateway.Drops;

namespace Integra.Gateway.Tests;

/// <summary>Archive names for repeated uploads of one file name, found without counting up from 1 (issue 18).</summary>
public class NumberedNameTests
{
    private static HashSet<string> Archive(string name, params int[] numbers) =>
        [name, .. numbers.Select(n => $"{name}.{n}")];

    [Fact]
    public void The_first_upload_keeps_its_name_and_the_second_is_numbered_1()
    {
        Assert.Equal("a.lsr.csv", NumberedName.FirstFree("a.lsr.csv", _ => false));
        Assert.Equal("a.lsr.csv.1", NumberedName.FirstFree("a.lsr.csv", Archive("a.lsr.csv").Contains));
    }

    [Fact]
    public void The_thousandth_upload_of_one_name_costs_a_logarithmic_number_of_lookups()
    {
        var archive = Archive("a.csr.csv", [.. Enumerable.Range(1, 999)]);
        var lookups = 0;

        var name = NumberedName.FirstFree("a.csr.csv", candidate =>
        {
            lookups++;
            return archive.Contains(candidate);
        });

        Assert.Equal("a.csr.csv.1000", name);
        Assert.InRange(lookups, 1, 2 + (2 * 10)); // counting up from 1 took 1,000
    }

    [Fact]
    public void With_numbers_missing_in_between_the_name_found_is_still_free()
    {
        var archive = Archive("a.lsr.csv", [.. Enumerable.Range(1, 40).Where(n => n != 7 && n != 23)]);

        var name = NumberedName.FirstFree("a.lsr.csv", archive.Contains);

        Assert.DoesNotContain(name, archive);
        Assert.StartsWith("a.lsr.csv.", name, StringComparison.Ordinal);
    }
}
