using System.Text.RegularExpressions;
using Integra.Gateway.Rules.Model;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Rules.Policy;

/// <summary>The format of each column (SPEC §2.1) and the text that tells a partner how to write it.</summary>
public static partial class FieldFormats
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>Null when <paramref name="value"/> (non-blank) is well formed, else what the column must look like.</summary>
    public static string? Check(Field field, string value) => field switch
    {
        Field.Ccna => Alnum(3).IsMatch(value) ? null : "3 letters or digits",
        Field.Pon => Pon().IsMatch(value) ? null : "1 to 16 of A-Z, 0-9 and '-'",
        Field.Ver => TwoDigits().IsMatch(value) ? null : "2 digits, e.g. 01",
        Field.Cc or Field.Nnsp => Alnum(4).IsMatch(value) ? null : "4 letters or digits",
        Field.Npdi => OneOf(value, "C", "D", "G", "H") ? null : "C, D, G or H (a port from a wireline provider)",
        Field.Reqtyp => Letters(2).IsMatch(value) ? null : "2 letters, e.g. CB",
        Field.Act => Letters(1).IsMatch(value) ? null : "1 letter, e.g. V",
        Field.Ddd or Field.Dated => ParseDate(value) is null ? "a date as yyyy-MM-dd" : null,
        Field.Inittel or Field.Tn => TelephoneNumber.TryNormalize(value, out _) ? null : "10 NANP digits, e.g. 406-555-0101",
        Field.Zip => Zip().IsMatch(value) ? null : "5 digits, or ZIP+4 such as 97201-1234",
        Field.Sup => OneOf(value, "1", "2", "3") ? null : "blank, 1 (cancel), 2 (new due date) or 3 (other change)",
        Field.Exp => OneOf(value, "Y") ? null : "blank or Y",
        Field.Mi => OneOf(value, "A") ? null : "blank or A (partial migration)",
        Field.DtSent => IsDateTime(value) ? null : "an ISO 8601 date and time, e.g. 2026-03-02T09:30:00-07:00",
        Field.State => Letters(2).IsMatch(value) ? null : "a 2-letter state code",
        _ => null,
    };

    /// <summary>The 5-digit ZIP of a well-formed ZIP or ZIP+4: what L17 compares (SPEC §2.1).</summary>
    public static string Zip5(string zip) => zip.Length > 5 ? zip[..5] : zip;

    public static LocalDate? ParseDate(string value)
    {
        var result = IsoDate.Parse(value);
        return result.Success ? result.Value : null;
    }

    private static bool OneOf(string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.OrdinalIgnoreCase);

    private static bool IsDateTime(string value) =>
        OffsetDateTimePattern.ExtendedIso.Parse(value).Success
        || OffsetDateTimePattern.GeneralIso.Parse(value).Success
        || LocalDateTimePattern.ExtendedIso.Parse(value).Success
        || LocalDateTimePattern.GeneralIso.Parse(value).Success;

    private static Regex Alnum(int n) => n == 3 ? Alnum3() : Alnum4();

    private static Regex Letters(int n) => n == 1 ? Letter1() : Letter2();

    [GeneratedRegex("^[A-Za-z0-9]{3}$")]
    private static partial Regex Alnum3();

    [GeneratedRegex("^[A-Za-z0-9]{4}$")]
    private static partial Regex Alnum4();

    [GeneratedRegex("^[A-Z0-9-]{1,16}$")]
    private static partial Regex Pon();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex TwoDigits();

    [GeneratedRegex("^[0-9]{5}(-[0-9]{4})?$")]
    private static partial Regex Zip();

    [GeneratedRegex("^[A-Za-z]$")]
    private static partial Regex Letter1();

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex Letter2();
}
