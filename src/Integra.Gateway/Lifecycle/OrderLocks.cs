namespace Integra.Gateway.Lifecycle;

/// <summary>The named locks that serialise the steps deciding one order, in every instance on one database.</summary>
public static class OrderLocks
{
    /// <summary>Everything that decides an LSR order of this partner and PON: intake, review, expiry on arrival.</summary>
    public static string Lsr(string partner, string pon) => $"lsr-order:{partner}:{pon}";

    /// <summary>
    /// The lock of a TN's bucket (L19): a file takes the buckets of all its TNs, in bucket order, before it decides
    /// anything, so that two instances never both give one TN to two orders. Buckets, not TNs: a file of 50,000 TNs
    /// takes at most <see cref="TnBucketCount"/> locks, within PostgreSQL's lock table, in one fixed order (no deadlock).
    /// </summary>
    public static IEnumerable<string> TnBuckets(IEnumerable<string> tns) =>
        tns.Select(Bucket).Distinct().Order().Select(b => $"tn-hold:{b}");

    /// <summary>How many TN buckets there are.</summary>
    public const int TnBucketCount = 64;

    private static int Bucket(string tn)
    {
        // Stable across processes and versions (string.GetHashCode is randomised per process).
        var hash = 17;
        foreach (var c in tn)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)((uint)hash % TnBucketCount);
    }
}
