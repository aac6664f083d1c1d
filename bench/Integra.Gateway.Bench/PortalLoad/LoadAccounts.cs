using System.Globalization;

namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>
/// The reference data of the portal load: the samples plus <see cref="Count"/> one-line POTS accounts in Oregon (as
/// the samples' A1001), each with one working TN of Integra's. Every submission ports an account of its own, taken
/// in turn: since contract v3 (L19, one open order per TN) a second order for one TN is R26, so a bench repeating
/// A1001 would measure rejects after its first round.
/// </summary>
internal sealed class LoadAccounts
{
    public const int Count = 50_000;
    private int _next = -1;

    /// <summary>Copies the samples to <paramref name="directory"/> and adds the load's accounts, TNs and NPAC rows.</summary>
    public static void Write(string samples, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(samples, "*.csv"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }

        using var accounts = File.AppendText(Path.Combine(directory, "accounts.csv"));
        using var tns = File.AppendText(Path.Combine(directory, "tns.csv"));
        using var npac = File.AppendText(Path.Combine(directory, "npac.csv"));
        for (var a = 0; a < Count; a++)
        {
            accounts.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{An(a)},Integra Telecom,OR,97201,,Load Customer {a},\"{a} SW Main St, Portland OR\",POTS,N,N,"));
            tns.WriteLine($"{Tn(a)},{An(a)},WORKING");
            npac.WriteLine($"{Tn(a)},7001");
        }
    }

    /// <summary>The next account and its TN; thread-safe, each handed out once.</summary>
    public (string An, string Tn) Next()
    {
        var a = Interlocked.Increment(ref _next);
        if (a >= Count)
        {
            throw new InvalidOperationException($"the load used all {Count} accounts; raise LoadAccounts.Count");
        }

        return (An(a), Tn(a));
    }

    private static string An(int a) => string.Create(CultureInfo.InvariantCulture, $"L{a:D6}");

    private static string Tn(int a) => (5037000000L + a).ToString(CultureInfo.InvariantCulture);
}
