using System.Globalization;

namespace Integra.Gateway.Bench;

/// <summary>Generates a reference data set and a matching LSR file: every request is a valid partial port.</summary>
internal static class BulkData
{
    public const int TnsPerAccount = 5;

    public static void WriteReference(string directory, string samples, int accounts)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in new[] { "partners.csv", "spids.csv", "states.csv", "zones.csv", "contacts.csv", "holidays.csv" })
        {
            File.Copy(Path.Combine(samples, name), Path.Combine(directory, name), overwrite: true);
        }

        using var acc = new StreamWriter(Path.Combine(directory, "accounts.csv"));
        using var tns = new StreamWriter(Path.Combine(directory, "tns.csv"));
        using var npac = new StreamWriter(Path.Combine(directory, "npac.csv"));
        acc.WriteLine("AN,COMPANY,STATE,ZIP,PASSCODE,CUSTOMER,ADDRESS,SERVICES,UNE,RESELLER,TIMEZONE");
        tns.WriteLine("TN,AN,STATUS");
        npac.WriteLine("TN,SPID");
        for (var a = 0; a < accounts; a++)
        {
            acc.WriteLine($"B{a},Integra Telecom,OR,97201,,Customer {a},\"{a} Main St, Portland OR\",POTS;MULTI,N,N,");
            for (var t = 0; t < TnsPerAccount; t++)
            {
                var tn = Tn(a, t);
                tns.WriteLine($"{tn},B{a},WORKING");
                npac.WriteLine($"{tn},7001");
            }
        }
    }

    /// <summary>One request per account porting all but the last TN (MI=A), so FOC rows carry P and R.</summary>
    public static void WriteLsr(string path, int accounts)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,D/TSENT,AUTHNM,DATED,REMARKS");
        for (var a = 0; a < accounts; a++)
        {
            for (var t = 0; t < TnsPerAccount; t++)
            {
                writer.WriteLine($"ACM,BULK-{a},00,ACMW,6001,C,CB,V,2026-03-20,5035550900,Y,B{a},97201,{Tn(a, t)},A,2026-03-02T09:00:00-08:00,Pat Jones,2026-03-01,\"partial, keep last line\"");
            }
        }
    }

    /// <summary>Gives account <paramref name="an"/> of <see cref="WriteReference"/> more working TNs, from a range of their own.</summary>
    public static void AddWorkingTns(string directory, string an, int count)
    {
        using var tns = File.AppendText(Path.Combine(directory, "tns.csv"));
        using var npac = File.AppendText(Path.Combine(directory, "npac.csv"));
        for (var i = 0; i < count; i++)
        {
            var tn = (5039000000L + i).ToString(CultureInfo.InvariantCulture);
            tns.WriteLine($"{tn},{an},WORKING");
            npac.WriteLine($"{tn},7001");
        }
    }

    /// <summary>
    /// A CSR file whose rows all ask for account <paramref name="an"/> under one PON: every fourth row has another
    /// INITTEL (a different request under a used PON, R70), the others repeat the first row (resends).
    /// </summary>
    public static void WriteRepeatedCsr(string path, int rows, string pon = "LOOP-1", string an = "B0", string state = "OR")
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("CCNA,PON,AGAUTH,INITTEL,AN,TN,LOA,STATE");
        for (var r = 0; r < rows; r++)
        {
            var initTel = r % 4 == 3 ? 5035550901 + (r % 1000) : 5035550900;
            writer.WriteLine($"ACM,{pon},Y,{initTel},{an},,,{state}");
        }
    }

    private static string Tn(int account, int index) => (5032000000L + (account * TnsPerAccount) + index).ToString(CultureInfo.InvariantCulture);
}
