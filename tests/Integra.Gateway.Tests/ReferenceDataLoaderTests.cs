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
        Assert.Null(data.StateZone("or")); // SPLIT: no single zone
        Assert.Equal("America/Los_Angeles", data.ZoneOf(data.Account("A1001")!)!.Id); // Portland, zones.csv 972
        Assert.Equal("America/Boise", data.ZoneOf(data.Account("A1009")!)!.Id); // its own TIMEZONE
    }

    [Theory]
    [InlineData("accounts.csv", "A1001,Integra Telecom,OR,97201,,X,Y,POTS,MAYBE,N,", "accounts.csv:13: UNE 'MAYBE' must be Y or N")]
    [InlineData("tns.csv", "12345,A1001,WORKING", "tns.csv:23: TN '12345' is not a 10-digit NANP number")]
    [InlineData("states.csv", "XX,Mars/Olympus", "states.csv:14: TIMEZONE 'Mars/Olympus' is not an IANA time zone")]
    [InlineData("states.csv", "OR,America/Los_Angeles", "states.csv:14: STATE OR appears twice")]
    [InlineData("zones.csv", "ORE,979,America/Boise", "zones.csv:43: STATE 'ORE' is not a 2-letter state code")]
    [InlineData("zones.csv", "O1,979,America/Boise", "zones.csv:43: STATE 'O1' is not a 2-letter state code")]
    [InlineData("zones.csv", "OR,97,America/Boise", "zones.csv:43: ZIP_PREFIX '97' must be 3 to 5 digits")]
    [InlineData("zones.csv", "OR,979140,America/Boise", "zones.csv:43: ZIP_PREFIX '979140' must be 3 to 5 digits")]
    [InlineData("zones.csv", "OR,97-14,America/Boise", "zones.csv:43: ZIP_PREFIX '97-14' must be 3 to 5 digits")]
    [InlineData("zones.csv", "OR,97914,Mountain", "zones.csv:43: TIMEZONE 'Mountain' is not an IANA time zone")]
    [InlineData("zones.csv", "OR,97914,SPLIT", "zones.csv:43: TIMEZONE 'SPLIT' is not an IANA time zone")]
    [InlineData("zones.csv", "OR,,America/Boise", "zones.csv:43: ZIP_PREFIX is blank")]
    [InlineData("zones.csv", "or,979,America/Los_Angeles", "zones.csv:43: STATE OR ZIP_PREFIX 979 appears twice")]
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

    [Fact]
    public void Every_account_of_a_split_state_without_a_zone_is_named_in_one_error()
    {
        using var temp = CopyOfSamples();
        File.AppendAllText(temp.File("accounts.csv"), "A9001,Integra Telecom,SD,57601,,Mobridge Feed,\"1 Main St, Mobridge SD\",POTS,N,N,\nA9002,Integra Telecom,SD,57701,,Rapid Tire,\"2 Main St, Rapid City SD\",POTS,N,N,\nA9003,Integra Telecom,ND,,,No Zip Farm,\"Rural ND\",POTS,N,N,\n");
        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(temp.Path));
        Assert.Equal(
            "accounts.csv: account(s) in split-zone states with no zone: A9001 (SD, ZIP 57601, line 13), A9003 (ND, ZIP blank, line 15); give TIMEZONE or add a zones.csv row",
            error.Message);
    }

    [Fact]
    public void Without_zones_csv_the_accounts_of_split_states_need_their_own_timezone()
    {
        using var temp = CopyOfSamples();
        File.Delete(temp.File("zones.csv"));
        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(temp.Path));
        Assert.Contains("A1001 (OR, ZIP 97201, line 2), A1008 (OR, ZIP 97301, line 9);", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("A1009", error.Message, StringComparison.Ordinal); // Idaho, but its TIMEZONE is given

        File.WriteAllText(temp.File("states.csv"), File.ReadAllText(temp.File("states.csv")).Replace("OR,SPLIT", "OR,America/Los_Angeles", StringComparison.Ordinal));
        Assert.Equal("America/Los_Angeles", ReferenceDataLoader.Load(temp.Path).ZoneOf(new Rules.Reference.Account("X", string.Empty, "OR", "97914", null, string.Empty, string.Empty, [], false, false, null))!.Id);
    }

    [Fact]
    public void Zones_csv_rows_of_a_state_that_is_not_split_are_ignored()
    {
        using var temp = CopyOfSamples();
        File.AppendAllText(temp.File("zones.csv"), "WA,981,America/Denver\n");
        var data = ReferenceDataLoader.Load(temp.Path);
        Assert.Equal("America/Los_Angeles", data.ZoneOf(data.Account("A1005")!)!.Id); // Seattle, 98101
    }
}
