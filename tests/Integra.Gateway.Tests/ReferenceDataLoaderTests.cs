using Integra.Gateway.Reference;

namespace Integra.Gateway.Tests;

public class ReferenceDataLoaderTests
{
    private static TempDir CopyOfSamples()
    {
        var temp = new TempDir();
        foreach (var file in Directory.EnumerateFiles(Repo.SampleData))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }

        return temp;
    }

    [Fact]
    public void The_shipped_samples_load()
    {
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        Assert.NotNull(data.Partner("ACME"));
        Assert.NotNull(data.Account("A1001"));
        Assert.False(data.Calendar.IsBusinessDay(new NodaTime.LocalDate(2026, 11, 26)));
        Assert.Equal("America/Phoenix", data.StateZone("az")!.Id);
    }

    [Theory]
    [InlineData("accounts.csv", "A1001,Integra Telecom,OR,97201,,X,Y,POTS,MAYBE,N,", "accounts.csv:11: UNE 'MAYBE' must be Y or N")]
    [InlineData("tns.csv", "12345,A1001,WORKING", "tns.csv:18: TN '12345' is not a 10-digit NANP number")]
    [InlineData("states.csv", "XX,Mars/Olympus", "states.csv:13: TIMEZONE 'Mars/Olympus' is not an IANA time zone")]
    [InlineData("partners.csv", "ACME,ACM,Dup,CLEC,,,", "partners.csv:7: PARTNER ACME appears twice")]
    [InlineData("spids.csv", "7777,NOBODY,X", "spids.csv:7: OWNER 'NOBODY' must be one of INTEGRA, QWEST, OTHER")]
    [InlineData("holidays.csv", "2026-13-01,Bad", "holidays.csv:79: DATE '2026-13-01' is not a yyyy-MM-dd date")]
    public void A_broken_row_names_file_and_line(string file, string badRow, string expected)
    {
        using var temp = CopyOfSamples();
        File.AppendAllText(temp.File(file), badRow + "\n");
        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(temp.Path));
        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var temp = CopyOfSamples();
        File.Delete(temp.File("npac.csv"));
        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(temp.Path));
        Assert.Contains("npac.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        using var temp = CopyOfSamples();
        File.WriteAllText(temp.File("spids.csv"), "SPID,NAME\n7001,Integra\n");
        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(temp.Path));
        Assert.EndsWith("spids.csv:1: missing column(s) OWNER", error.Message, StringComparison.Ordinal);
    }
}
