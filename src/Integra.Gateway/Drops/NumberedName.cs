using System.Globalization;

namespace Integra.Gateway.Drops;

/// <summary>
/// The name under which an archive keeps another upload of a file name it already holds: the name itself, else
/// <c>name.N</c> for a free N. A partner sending one name again and again fills 1, 2, 3, … in order; searching
/// by doubling and then halving over N finds a free one in about 2·log2(N) look-ups, where counting up from 1
/// made the N-th upload cost N and a long-running resend loop cost N² in all.
/// </summary>
internal static class NumberedName
{
    /// <summary>
    /// A name that <paramref name="taken"/> says is free. When numbers are missing in between (an operator removed an
    /// archived copy) it may not be the lowest free one, but it is always free.
    /// </summary>
    public static string FirstFree(string name, Func<string, bool> taken)
    {
        if (!taken(name))
        {
            return name;
        }

        // Invariant: number `low` is taken (0 stands for the bare name) and number `high` is free.
        long low = 0, high = 1;
        while (taken(Numbered(name, high)))
        {
            low = high;
            high *= 2;
        }

        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (taken(Numbered(name, middle)))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return Numbered(name, high);
    }

    private static string Numbered(string name, long n) => $"{name}.{n.ToString(CultureInfo.InvariantCulture)}";
}
