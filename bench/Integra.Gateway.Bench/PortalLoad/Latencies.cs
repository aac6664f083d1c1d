using System.Globalization;
using Integra.Gateway.Storage.Orders;

namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>One load user's timings, merged after the run (no shared state while it runs).</summary>
internal sealed class Latencies
{
    private readonly Dictionary<RequestType, List<double>> _milliseconds = Enum.GetValues<RequestType>().ToDictionary(t => t, _ => new List<double>());

    public void Add(RequestType type, TimeSpan elapsed) => _milliseconds[type].Add(elapsed.TotalMilliseconds);

    /// <summary>Prints count, requests/s and p50/p90/p99/max per request type of all users, and the overall rate.</summary>
    public static void Print(IReadOnlyList<Latencies> users, TimeSpan duration, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"request",-12} {"count",8} {"req/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}"));
        var total = 0;
        foreach (var type in Enum.GetValues<RequestType>())
        {
            var all = users.SelectMany(u => u._milliseconds[type]).Order().ToArray();
            total += all.Length;
            if (all.Length == 0)
            {
                output.WriteLine($"{Name(type),-12} {0,8}");
                continue;
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Name(type),-12} {all.Length,8} {all.Length / duration.TotalSeconds,8:F1} {Percentile(all, 50),8:F0} {Percentile(all, 90),8:F0} {Percentile(all, 99),8:F0} {all[^1],8:F0}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-12} {total,8} {total / duration.TotalSeconds,8:F1}"));
    }

    public static string Name(RequestType type) => type switch
    {
        RequestType.LsrForm => "form GET",
        RequestType.LsrSubmit => "submit POST",
        RequestType.Inbox => "inbox GET",
        RequestType.Answer => "answer GET",
        RequestType.Orders => "orders GET",
        RequestType.OrderDetail => "order GET",
        _ => type.ToString(),
    };

    /// <summary>Nearest rank on sorted values.</summary>
    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
