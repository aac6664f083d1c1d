namespace Integra.Gateway.Rules.Model;

/// <summary>A column of a request file (SPEC §2). The names partners use are in <see cref="FieldNames"/>.</summary>
public enum Field
{
    Ccna,
    Pon,
    Ver,
    Cc,
    Nnsp,
    Npdi,
    Reqtyp,
    Act,
    Ddd,
    Inittel,
    Agauth,
    An,
    Zip,
    Passcode,
    Tn,
    Sup,
    Exp,
    Mi,
    Remarks,
    DtSent,
    Authnm,
    Dated,
    State,
    Loa,
}
