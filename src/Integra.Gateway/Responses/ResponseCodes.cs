using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Responses;

/// <summary>
/// The wire spelling of the coded cells of a response row (SPEC §5): RESPTYP and LNA, as partners receive them in
/// every channel's file. The store keeps a version's outcome and a TN's LNA in the same letters today, but its
/// spellings are its own (<c>Storage/StoredText.cs</c>): the contract and the databases change apart, and the
/// response files never depend on the store.
/// </summary>
public static class ResponseCodes
{
    /// <summary>The RESPTYP cell of <paramref name="type"/>.</summary>
    public static string Of(ResponseType type) => type switch
    {
        Responses.ResponseType.Foc => "FOC",
        Responses.ResponseType.Reject => "REJ",
        Responses.ResponseType.Pending => "PND",
        Responses.ResponseType.Cancel => "CAN",
        Responses.ResponseType.Csr => "CSR",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a response type of SPEC §5"),
    };

    /// <summary>The response type of a RESPTYP cell.</summary>
    /// <exception cref="FormatException">The text is not a RESPTYP of SPEC §5.</exception>
    public static ResponseType ResponseType(string text) => text switch
    {
        "FOC" => Responses.ResponseType.Foc,
        "REJ" => Responses.ResponseType.Reject,
        "PND" => Responses.ResponseType.Pending,
        "CAN" => Responses.ResponseType.Cancel,
        "CSR" => Responses.ResponseType.Csr,
        _ => throw new FormatException($"'{text}' is not a RESPTYP of SPEC §5"),
    };

    /// <summary>The LNA cell of a TN line: P (port), D (disconnect), R (remains).</summary>
    public static string Of(Lna lna) => lna switch
    {
        Lna.Port => "P",
        Lna.Disconnect => "D",
        Lna.Remains => "R",
        _ => throw new ArgumentOutOfRangeException(nameof(lna), lna, "not an LNA of SPEC §2"),
    };
}
