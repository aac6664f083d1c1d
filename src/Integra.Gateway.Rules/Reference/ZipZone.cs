using NodaTime;

namespace Integra.Gateway.Rules.Reference;

/// <summary>
/// A zones.csv row: the zone of the part of a SPLIT state whose service ZIP codes start with
/// <see cref="ZipPrefix"/> (3–5 digits).
/// </summary>
public sealed record ZipZone(string State, string ZipPrefix, DateTimeZone Zone);
