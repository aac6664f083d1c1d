namespace Integra.Gateway.Bench;

/// <summary>
/// The mixed backlog of issue 18 in one drop's inbound folder: small two-TN LSR files; every 20th a CSR file of
/// many rows repeating one of five PONs (a partner's script gone wrong), so the later ones resend earlier ones; every
/// 50th LSR file a resend of the file 25 before it (same PON and VER, a new name).
/// </summary>
internal static class BacklogFiles
{
    private const string LsrHeader = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI";

    public static void Write(string inbound, int files, int csrRows)
    {
        Directory.CreateDirectory(inbound);

        // A Wednesday two weeks or more ahead of the real clock the daemon decides with: a due date it can confirm.
        var due = DateTime.UtcNow.Date.AddDays(14);
        while (due.DayOfWeek != DayOfWeek.Wednesday)
        {
            due = due.AddDays(1);
        }

        var ddd = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < files; i++)
        {
            if (i % 20 == 0)
            {
                BulkData.WriteRepeatedCsr(Path.Combine(inbound, $"b{i:D5}.csr.csv"), csrRows, $"LOOP-{i / 20 % 5}", "A1002", "MN");
            }
            else
            {
                var pon = i % 50 == 25 ? i - 25 : i;
                File.WriteAllText(
                    Path.Combine(inbound, $"b{i:D5}.lsr.csv"),
                    $"{LsrHeader}\nACM,SB-{pon},00,ACMW,6001,C,CB,V,{ddd},5035550900,Y,A1002,55401,6125550101,A\nACM,SB-{pon},00,ACMW,6001,C,CB,V,{ddd},5035550900,Y,A1002,55401,6125550102,A\n");
            }
        }
    }
}
