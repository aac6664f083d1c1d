using System.Collections.Frozen;

namespace Integra.Gateway.Rules.Model;

/// <summary>Column names as they appear in partners' files, and the columns each file kind knows.</summary>
public static class FieldNames
{
    private static readonly FrozenDictionary<Field, string> Names = new Dictionary<Field, string>
    {
        [Field.Ccna] = "CCNA",
        [Field.Pon] = "PON",
        [Field.Ver] = "VER",
        [Field.Cc] = "CC",
        [Field.Nnsp] = "NNSP",
        [Field.Npdi] = "NPDI",
        [Field.Reqtyp] = "REQTYP",
        [Field.Act] = "ACT",
        [Field.Ddd] = "DDD",
        [Field.Inittel] = "INITTEL",
        [Field.Agauth] = "AGAUTH",
        [Field.An] = "AN",
        [Field.Zip] = "ZIP",
        [Field.Passcode] = "PASSCODE",
        [Field.Tn] = "TN",
        [Field.Sup] = "SUP",
        [Field.Exp] = "EXP",
        [Field.Mi] = "MI",
        [Field.Remarks] = "REMARKS",
        [Field.DtSent] = "D/TSENT",
        [Field.Authnm] = "AUTHNM",
        [Field.Dated] = "DATED",
        [Field.State] = "STATE",
        [Field.Loa] = "LOA",
    }.ToFrozenDictionary();

    /// <summary>Columns of an LSR file (SPEC §2.1).</summary>
    public static IReadOnlyList<Field> LsrColumns => LsrColumnArray;

    /// <summary>
    /// <see cref="LsrColumns"/> as an array, for the loops that run once per row of a large file (no enumerator
    /// allocated per loop).
    /// </summary>
    internal static Field[] LsrColumnArray { get; } = Enum.GetValues<Field>().Where(f => f != Field.Loa).ToArray();

    /// <summary>
    /// Columns an LSR file must have in its header (F02). VER may be absent (blank means 00) and the
    /// optional columns may be absent; everything the FCC standard data set always needs must be there.
    /// PASSCODE is only needed for accounts that have one, so its absence is judged per request (R25).
    /// </summary>
    public static IReadOnlyList<Field> LsrHeaderRequired { get; } =
    [
        Field.Ccna, Field.Pon, Field.Cc, Field.Nnsp, Field.Npdi, Field.Reqtyp, Field.Act,
        Field.Ddd, Field.Inittel, Field.Agauth, Field.An, Field.Zip, Field.Tn,
    ];

    /// <summary>Columns of a CSR file (SPEC §2.2).</summary>
    public static IReadOnlyList<Field> CsrColumns { get; } =
    [
        Field.Ccna, Field.Pon, Field.Agauth, Field.Inittel, Field.DtSent, Field.Authnm, Field.Dated,
        Field.State, Field.An, Field.Tn, Field.Loa,
    ];

    /// <summary>Columns a CSR file must have in its header (F02); AN or TN is checked separately.</summary>
    public static IReadOnlyList<Field> CsrHeaderRequired { get; } = [Field.Ccna, Field.Pon, Field.Agauth, Field.Inittel];

    /// <summary>The column name partners use for <paramref name="field"/>.</summary>
    public static string Name(this Field field) => Names[field];

    /// <summary>Finds the field for a header cell; case-insensitive, surrounding blanks ignored.</summary>
    public static bool TryParse(string header, out Field field)
    {
        var wanted = header.Trim();
        foreach (var (f, name) in Names)
        {
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                field = f;
                return true;
            }
        }

        field = default;
        return false;
    }
}
