namespace Integra.Gateway.Rules.Reference;

/// <summary>Status of a telephone number in Integra's inventory (tns.csv).</summary>
public enum TnStatus
{
    Working,
    Disconnected,
    Reserved,
}

/// <summary>A telephone number and the account it belongs to (tns.csv).</summary>
public sealed record TnRecord(string Tn, string An, TnStatus Status);
