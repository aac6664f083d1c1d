using System.Text;
using Integra.Gateway.Intake;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests;

public class RequestFileReaderTests
{
    private static readonly RequestFileReader Reader = new(new IntakeLimits());

    private static ParsedFile ReadTestFile(string name, IntakeLimits? limits = null)
    {
        using var stream = File.OpenRead(Repo.TestFile(name));
        return new RequestFileReader(limits ?? new IntakeLimits()).Read(name, stream, stream.Length);
    }

    private static FileRejection Rejected(string name, string code, IntakeLimits? limits = null)
    {
        var rejection = Assert.IsType<FileRejection>(ReadTestFile(name, limits));
        Assert.Equal(code, rejection.Code);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        return rejection;
    }

    [Theory]
    [InlineData("latin1.lsr.csv")]
    [InlineData("binary.lsr.csv")]
    [InlineData("broken-quote.lsr.csv")]
    [InlineData("stray-quote.lsr.csv")]
    public void F01_unreadable_files_are_rejected(string name) => Rejected(name, "F01");

    [Fact]
    public void F01_message_says_what_to_fix() =>
        Assert.Contains("UTF-8", Rejected("latin1.lsr.csv", "F01").Message, StringComparison.Ordinal);

    [Fact]
    public void F02_missing_required_columns_are_listed_in_field() =>
        Assert.Equal("ZIP;TN", Rejected("missing-columns.lsr.csv", "F02").Field);

    [Fact]
    public void F02_a_csr_file_needs_an_or_tn()
    {
        var rejection = Assert.IsType<FileRejection>(Reader.Read("x.csr.csv", Text("CCNA,PON,AGAUTH,INITTEL\nACM,C1,Y,5035550900\n"), null));
        Assert.Equal(("F02", "AN|TN"), (rejection.Code, rejection.Field));
    }

    [Theory]
    [InlineData("notes.txt")]
    public void F03_unknown_file_kind_is_rejected(string name) => Rejected(name, "F03");

    [Fact]
    public void F04_files_over_the_size_limit_are_rejected_without_reading_them() =>
        Rejected("valid.lsr.csv", "F04", new IntakeLimits { MaxFileBytes = 50 });

    [Fact]
    public void F04_streams_over_the_size_limit_are_rejected_while_reading()
    {
        var rejection = new RequestFileReader(new IntakeLimits { MaxFileBytes = 50 }).Read("x.lsr.csv", File.OpenRead(Repo.TestFile("valid.lsr.csv")), length: null);
        Assert.Equal("F04", Assert.IsType<FileRejection>(rejection).Code);
    }

    [Fact]
    public void F04_files_over_the_row_limit_are_rejected()
    {
        var content = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\n" + string.Concat(Enumerable.Repeat("ACM,P-1,00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,5035550101\n", 4));
        var rejection = new RequestFileReader(new IntakeLimits { MaxRows = 3 }).Read("x.lsr.csv", Text(content), null);
        Assert.Equal("F04", Assert.IsType<FileRejection>(rejection).Code);
    }

    [Theory]
    [InlineData("header-only.lsr.csv")]
    [InlineData("empty.lsr.csv")]
    [InlineData("blank-rows.lsr.csv")]
    public void F05_files_without_requests_are_rejected(string name) => Rejected(name, "F05");

    [Fact]
    public void A_bom_is_accepted()
    {
        var file = Assert.IsType<LsrFile>(ReadTestFile("bom.lsr.csv"));
        Assert.Equal("ACM", file.Requests[0].Ccna);
    }

    [Fact]
    public void Quoted_commas_and_newlines_case_insensitive_headers_unknown_columns_and_blank_lines()
    {
        var file = Assert.IsType<LsrFile>(ReadTestFile("quoted.lsr.csv"));
        Assert.Equal(2, file.Requests.Count);
        Assert.Equal("Partial, per customer;\nsee \"note\" DISC 612-555-0199", file.Requests[0].Fields[Field.Remarks]);
        Assert.Equal("00", file.Requests[1].Ver);
        Assert.Equal("5035550101", file.Requests[1].Tns[0].Tn);
    }

    [Fact]
    public void L16_rows_of_one_request_that_disagree_carry_R03()
    {
        var file = Assert.IsType<LsrFile>(ReadTestFile("disagree.lsr.csv"));
        var request = Assert.Single(file.Requests);
        Assert.Equal(2, request.Tns.Count);
        var error = Assert.Single(request.AssemblyErrors);
        Assert.Equal(("R03", "DDD"), (error.Code, error.Field));
    }

    [Fact]
    public void A_50000_row_file_is_read_and_grouped()
    {
        using var temp = new TempDir();
        var path = temp.File("big.lsr.csv");
        LsrFileGenerator.Write(path, rows: 50_000, tnsPerRequest: 5);
        using var stream = File.OpenRead(path);
        var file = Assert.IsType<LsrFile>(Reader.Read("big.lsr.csv", stream, stream.Length));
        Assert.Equal(50_000, file.Rows);
        Assert.Equal(10_000, file.Requests.Count);
        Assert.All(file.Requests, r => Assert.Equal(5, r.Tns.Count));
    }

    private static MemoryStream Text(string content) => new(Encoding.UTF8.GetBytes(content));
}
