namespace Integra.Gateway.Drops;

/// <summary>A file in a partner's inbound folder as a listing shows it.</summary>
public sealed record DropEntry(string Name, long Size, DateTimeOffset Modified);
