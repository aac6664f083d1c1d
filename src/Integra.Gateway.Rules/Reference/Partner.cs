namespace Integra.Gateway.Rules.Reference;

/// <summary>Kind of trading partner (partners.csv TYPE); AGENT partners must send an LOA with CSR requests.</summary>
public enum PartnerType
{
    Ilec,
    Clec,
    Wireless,
    Voip,
    SharedTenant,
    Agent,
}

/// <summary>A trading partner (partners.csv). Intervals are business days from an inter-company agreement; null = policy default.</summary>
public sealed record Partner(
    string Id,
    string Ccna,
    string Name,
    PartnerType Type,
    IReadOnlyList<string> Emails,
    int? SimpleInterval,
    int? NonSimpleInterval);
