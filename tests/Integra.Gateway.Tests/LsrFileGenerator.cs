using System.Globalization;

namespace Integra.Gateway.Tests;

/// <summary>Writes large, valid-looking LSR files for volume tests (and the benchmark uses the same shape).</summary>
internal static class LsrFileGenerator
{
    public static void Write(string path, int rows, int tnsPerRequest)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,REMARKS");
        for (var i = 0; i < rows; i++)
        {
            var request = i / tnsPerRequest;
            var tn = (5035000000L + i).ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"ACM,BULK-{request},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,{tn},A,\"bulk, row {i}\"");
        }
    }
}
