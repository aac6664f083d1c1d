namespace Integra.Gateway.Tests;

/// <summary>`integra-gateway process` end to end: real files in, response files out, state in SQLite.</summary>
public class ProcessCommandTests
{
    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    private const string Monday = "2026-03-02T12:30:00-07:00";
    private const string LsrHeader = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP,EXP,MI,REMARKS,PASSCODE,D/TSENT,AUTHNM,DATED";

    private static string Row(string pon, string ver, string ddd, string sup = "", string tn = "5035550101", string an = "A1001", string zip = "97201", string passcode = "", string exp = "") =>
        $"ACM,{pon},{ver},ACMW,6001,C,CB,V,{ddd},5035550900,Y,{an},{zip},{tn},{sup},{exp},,,{passcode},2026-03-02T09:00:00-06:00,Pat Jones,2026-02-27";

    [SkippableFact]
    public async Task Sample_lsr_file_gets_focs_and_rejects()
    {
        using var cli = NewCli();
        Assert.Equal(0, await cli.Process("ACME", Monday, Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv")));
        var rows = cli.Rows("ACME", "acme-20260302.lsr.resp.csv");
        Assert.Equal(["FOC", "FOC", "FOC", "FOC", "FOC", "REJ", "REJ", "REJ"], rows.Select(r => r["RESPTYP"]));
        Assert.Equal(("ACME-1001", "5035550101", "P", "2026-03-04"), (rows[0]["PON"], rows[0]["TN"], rows[0]["LNA"], rows[0]["DD"]));
        Assert.Equal(["P", "P", "R", "R"], rows.Skip(1).Take(4).Select(r => r["LNA"]));
        Assert.Equal(["R10", "R24", "R21"], rows.Skip(5).Select(r => r["CODE"]));
        Assert.All(rows.Skip(5), r => Assert.StartsWith("WA LSR desk", r["CONTACT"], StringComparison.Ordinal));
        Assert.NotEqual(rows[0]["LSRNO"], rows[1]["LSRNO"]);
        Assert.Equal(rows[1]["LSRNO"], rows[4]["LSRNO"]);
    }

    [SkippableFact]
    public async Task Sample_of_contract_v2_remarks_clauses_zip_plus_4_populated_exp_and_ab()
    {
        using var cli = NewCli();
        Assert.Equal(0, await cli.Process("BIGSKY", Monday, Path.Combine(Repo.SampleDrop("BIGSKY"), "bigsky-0302.lsr.csv")));
        var rows = cli.Rows("BIGSKY", "bigsky-0302.lsr.resp.csv");
        Assert.Equal(
            [("BSK-3001", "FOC", "4065550201", "P"), ("BSK-3001", "FOC", "4065550202", "R"),
             ("BSK-3002", "FOC", "6125550201", "P"), ("BSK-3002", "FOC", "6125550202", "P"), ("BSK-3002", "FOC", "6125550203", "D"), ("BSK-3002", "FOC", "6125550204", "R"),
             ("BSK-3003", "PND", "", ""), ("BSK-3004", "REJ", "", "")],
            rows.Select(r => (r["PON"], r["RESPTYP"], r["TN"], r["LNA"])));
        Assert.Equal(("X01", "R51"), (rows[6]["CODE"], rows[7]["CODE"]));
    }

    [SkippableFact]
    public async Task Sample_csr_file_with_loa_beside_it()
    {
        using var cli = NewCli();
        Assert.Equal(0, await cli.Process("PORTCO", Monday, Path.Combine(Repo.SampleDrop("PORTCO"), "portco-0302.csr.csv")));
        var rows = cli.Rows("PORTCO", "portco-0302.csr.resp.csv");
        Assert.Equal(("CSR", "A1001", "Rose City Bakery", "POTS"), (rows[0]["RESPTYP"], rows[0]["AN"], rows[0]["CUSTOMER"], rows[0]["SERVICES"]));
        Assert.Equal(("REJ", "R11", "LOA"), (rows[1]["RESPTYP"], rows[1]["CODE"], rows[1]["FIELD"]));
    }

    [SkippableFact]
    public async Task Field_errors_name_the_column_and_partner_input_is_neutralised()
    {
        using var cli = NewCli();
        Assert.Equal(0, await cli.Process("ACME", Monday, Repo.TestFile("field-errors.lsr.csv")));
        var rows = cli.Rows("ACME", "field-errors.lsr.resp.csv");
        Assert.Contains(rows, r => r["PON"] == "P-10" && r["CODE"] == "R01" && r["FIELD"] == "CC");
        Assert.Contains(rows, r => r["PON"] == "P-11" && r["CODE"] == "R02" && r["FIELD"] == "DDD");
        Assert.Contains(rows, r => r["PON"] == "P-12" && r["CODE"] == "R04" && r["FIELD"] == "CCNA");
        Assert.Contains(rows, r => r["PON"] == "P-13" && r["CODE"] == "R02" && r["TN"] == "'=HYPERLINK(1)");
    }

    [SkippableFact]
    public async Task Rows_that_disagree_get_R03()
    {
        using var cli = NewCli();
        Assert.Equal(0, await cli.Process("ACME", Monday, Repo.TestFile("disagree.lsr.csv")));
        Assert.Contains(cli.Rows("ACME", "disagree.lsr.resp.csv"), r => r["CODE"] == "R03" && r["FIELD"] == "DDD");
    }

    [SkippableTheory]
    [InlineData("latin1.lsr.csv", "F01")]
    [InlineData("binary.lsr.csv", "F01")]
    [InlineData("missing-columns.lsr.csv", "F02")]
    [InlineData("notes.txt", "F03")]
    [InlineData("header-only.lsr.csv", "F05")]
    public async Task File_level_rejects_write_one_rej_row_and_exit_1(string file, string code)
    {
        using var cli = NewCli();
        Assert.Equal(1, await cli.Process("ACME", Monday, Repo.TestFile(file)));
        var row = Assert.Single(cli.Rows("ACME", Intake.FileKinds.ResponseName(file)));
        Assert.Equal(("REJ", "", code), (row["RESPTYP"], row["PON"], row["CODE"]));
    }

    [SkippableFact]
    public async Task S7_the_same_file_again_gets_the_same_answer_and_nothing_is_re_decided()
    {
        using var cli = NewCli();
        var file = Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv");
        Assert.Equal(0, await cli.Process("ACME", Monday, file));
        var first = cli.Text("ACME", "acme-20260302.lsr.resp.csv");
        // A week later the same file would get other dates if it were decided again.
        Assert.Equal(0, await cli.Process("ACME", "2026-03-09T12:30:00-07:00", file));
        Assert.Equal(first, cli.Text("ACME", "acme-20260302.lsr.2.resp.csv")); // the resend beside the first (SPEC §5)
    }

    [SkippableFact]
    public async Task Processing_two_files_of_the_same_name_into_the_same_out_keeps_both_answers()
    {
        using var cli = NewCli();
        var first = Path.Combine(cli.Dir, "one", "batch.lsr.csv");
        var second = Path.Combine(cli.Dir, "two", "batch.lsr.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        File.WriteAllText(first, $"{LsrHeader}\n{Row("SN-1", "00", "2026-03-05")}\n");
        File.WriteAllText(second, $"{LsrHeader}\n{Row("SN-2", "00", "2026-03-05", tn: "5035550102")}\n");
        Assert.Equal(0, await cli.Process("ACME", Monday, first));
        Assert.Equal(0, await cli.Process("ACME", Monday, second));

        Assert.Equal(["batch.lsr.2.resp.csv", "batch.lsr.resp.csv"], Directory.GetFiles(Path.Combine(cli.Out, "ACME")).Select(Path.GetFileName).Order());
        Assert.Equal("SN-1", Assert.Single(cli.Rows("ACME", "batch.lsr.resp.csv"))["PON"]);
        Assert.Equal("SN-2", Assert.Single(cli.Rows("ACME", "batch.lsr.2.resp.csv"))["PON"]);
    }

    [SkippableFact]
    public async Task S8_changed_content_under_the_same_version_is_R70()
    {
        using var cli = NewCli();
        await cli.Process("ACME", Monday, cli.Write("a.lsr.csv", $"{LsrHeader}\n{Row("P-1", "00", "2026-03-05")}\n"));
        await cli.Process("ACME", Monday, cli.Write("b.lsr.csv", $"{LsrHeader}\n{Row("P-1", "00", "2026-03-06")}\n"));
        Assert.Equal("R70", Assert.Single(cli.Rows("ACME", "b.lsr.resp.csv"))["CODE"]);
    }

    [SkippableFact]
    public async Task Supplements_change_the_date_cancel_and_then_need_a_new_lsr()
    {
        using var cli = NewCli();
        await cli.Process("ACME", Monday, cli.Write("v0.lsr.csv", $"{LsrHeader}\n{Row("P-2", "00", "2026-03-05")}\n"));
        var lsrNo = cli.Rows("ACME", "v0.lsr.resp.csv")[0]["LSRNO"];
        await cli.Process("ACME", "2026-03-03T10:00:00-08:00", cli.Write("v1.lsr.csv", $"{LsrHeader}\n{Row("P-2", "01", "2026-03-12", sup: "2")}\n"));
        var v1 = Assert.Single(cli.Rows("ACME", "v1.lsr.resp.csv"));
        Assert.Equal(("FOC", "2026-03-12", lsrNo), (v1["RESPTYP"], v1["DD"], v1["LSRNO"]));
        await cli.Process("ACME", "2026-03-04T10:00:00-08:00", cli.Write("v2.lsr.csv", $"{LsrHeader}\n{Row("P-2", "02", "", sup: "1")}\n"));
        var v2 = Assert.Single(cli.Rows("ACME", "v2.lsr.resp.csv"));
        Assert.Equal(("CAN", "C01", "5035550101"), (v2["RESPTYP"], v2["CODE"], v2["TN"]));
        await cli.Process("ACME", "2026-03-04T11:00:00-08:00", cli.Write("v3.lsr.csv", $"{LsrHeader}\n{Row("P-2", "03", "2026-03-12", sup: "2")}\n"));
        Assert.Equal("R62", Assert.Single(cli.Rows("ACME", "v3.lsr.resp.csv"))["CODE"]);
    }

    [SkippableFact]
    public async Task S5_the_fourth_due_date_supplement_closes_the_order()
    {
        using var cli = NewCli();
        var rows = new List<string> { Row("P-3", "00", "2026-03-05") };
        rows.AddRange(Enumerable.Range(1, 4).Select(v => Row("P-3", $"0{v}", $"2026-03-1{v}", sup: "2")));
        await cli.Process("ACME", Monday, cli.Write("s5.lsr.csv", LsrHeader + "\n" + string.Join('\n', rows) + "\n"));
        var result = cli.Rows("ACME", "s5.lsr.resp.csv");
        Assert.Equal(["FOC", "FOC", "FOC", "FOC", "REJ", "CAN"], result.Select(r => r["RESPTYP"]));
        Assert.Equal(("R61", "R61", "5035550101"), (result[^2]["CODE"], result[^1]["CODE"], result[^1]["TN"]));
        var npac = Assert.Single(cli.AllRows("npac", "npac-cancel-"));
        Assert.Equal(("CANCEL", "5035550101", "P-3"), (npac["ACTION"], npac["TN"], npac["PON"]));
        await cli.Process("ACME", Monday, cli.Write("s5b.lsr.csv", $"{LsrHeader}\n{Row("P-3", "05", "2026-03-20", sup: "3")}\n"));
        Assert.Equal("R62", Assert.Single(cli.Rows("ACME", "s5b.lsr.resp.csv"))["CODE"]);
    }

    [SkippableFact]
    public async Task A_passcode_never_appears_in_a_response()
    {
        using var cli = NewCli();
        var file = cli.Write("pc.lsr.csv", $"{LsrHeader}\n{Row("P-4", "00", "2026-03-10", tn: "6125550101", an: "A1002", zip: "55401", passcode: "S3cr3t!")}\n");
        await cli.Process("ACME", Monday, file);
        var text = cli.Text("ACME", "pc.lsr.resp.csv");
        Assert.Contains("R25", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t!", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7741", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Email_channel_outside_montana_gets_R50()
    {
        using var cli = NewCli();
        var file = cli.Write("mail.lsr.csv", $"{LsrHeader}\n{Row("P-5", "00", "2026-03-10")}\n");
        Assert.Equal(0, await Gateway.Cli.GatewayCli.InvokeAsync(["process", "--data", cli.Data, "--db", cli.Db, "--out", cli.Out, "--partner", "ACME", "--received", Monday, "--channel", "email", file]));
        Assert.Equal("R50", Assert.Single(cli.Rows("ACME", "mail.lsr.resp.csv"))["CODE"]);
    }

    [SkippableFact]
    public async Task Usage_and_configuration_errors_exit_2()
    {
        using var cli = NewCli();
        var file = cli.Write("u.lsr.csv", $"{LsrHeader}\n{Row("P-6", "00", "2026-03-10")}\n");
        Assert.Equal(2, await cli.Process("NOBODY", Monday, file));
        Assert.Equal(2, await cli.Process("ACME", "next tuesday", file));
        Assert.Equal(2, await cli.Process("ACME", "2026-03-02T12:30:00", file)); // no offset
        Assert.Equal(2, await Gateway.Cli.GatewayCli.InvokeAsync(["process", "--data", cli.Data, "--partner", "ACME"]));
        cli.Data = cli.Dir; // no reference files here
        Assert.Equal(2, await cli.Process("ACME", Monday, file));
    }

    [SkippableFact]
    public async Task A_missing_input_file_exits_1_and_the_others_are_still_answered()
    {
        using var cli = NewCli();
        var file = cli.Write("ok.lsr.csv", $"{LsrHeader}\n{Row("P-7", "00", "2026-03-10")}\n");
        Assert.Equal(1, await cli.Process("ACME", Monday, cli.Dir + "/missing.lsr.csv", file));
        Assert.Equal("FOC", Assert.Single(cli.Rows("ACME", "ok.lsr.resp.csv"))["RESPTYP"]);
    }

    [SkippableFact]
    public async Task A_50000_row_file_is_answered_end_to_end()
    {
        using var cli = NewCli();
        var path = Path.Combine(cli.Dir, "bulk.lsr.csv");
        LsrFileGenerator.Write(path, rows: 50_000, tnsPerRequest: 5);
        Assert.Equal(0, await cli.Process("ACME", Monday, path));
        var rows = cli.Rows("ACME", "bulk.lsr.resp.csv");
        Assert.Equal(10_000, rows.Select(r => r["PON"]).Distinct().Count());
    }
}
