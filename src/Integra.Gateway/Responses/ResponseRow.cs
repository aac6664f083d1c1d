namespace Integra.Gateway.Responses;

/// <summary>One row of a response file (SPEC §5); blank where not applicable.</summary>
public sealed record ResponseRow
{
    /// <summary>The response header, in the contract's column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["RESPTYP", "CCNA", "PON", "VER", "LSRNO", "AN", "TN", "LNA", "DD", "CODE", "FIELD", "MESSAGE", "CUSTOMER", "ADDRESS", "SERVICES", "CONTACT"];

    public required ResponseType RespTyp { get; init; }

    public string Ccna { get; init; } = string.Empty;

    public string Pon { get; init; } = string.Empty;

    public string Ver { get; init; } = string.Empty;

    public string LsrNo { get; init; } = string.Empty;

    public string An { get; init; } = string.Empty;

    public string Tn { get; init; } = string.Empty;

    public string Lna { get; init; } = string.Empty;

    public string Dd { get; init; } = string.Empty;

    public string Code { get; init; } = string.Empty;

    public string Field { get; init; } = string.Empty;

    public string Message { get; init; } = string.Empty;

    public string Customer { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public string Services { get; init; } = string.Empty;

    public string Contact { get; init; } = string.Empty;

    /// <summary>The cells in column order.</summary>
    public string[] Cells() =>
        [ResponseCodes.Of(RespTyp), Ccna, Pon, Ver, LsrNo, An, Tn, Lna, Dd, Code, Field, Message, Customer, Address, Services, Contact];

    /// <summary>Rebuilds a row from cells in column order (stored responses).</summary>
    public static ResponseRow FromCells(IReadOnlyList<string> c) => new()
    {
        RespTyp = ResponseCodes.ResponseType(c[0]), Ccna = c[1], Pon = c[2], Ver = c[3], LsrNo = c[4], An = c[5], Tn = c[6], Lna = c[7],
        Dd = c[8], Code = c[9], Field = c[10], Message = c[11], Customer = c[12], Address = c[13], Services = c[14], Contact = c[15],
    };
}
