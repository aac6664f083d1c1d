namespace Integra.Gateway.Rules.Reference;

/// <summary>Who a service provider id belongs to (spids.csv OWNER).</summary>
public enum SpidOwner
{
    Integra,
    Qwest,
    Other,
}

/// <summary>An NPAC service provider id (spids.csv).</summary>
public sealed record Spid(string Id, SpidOwner Owner, string Name);
