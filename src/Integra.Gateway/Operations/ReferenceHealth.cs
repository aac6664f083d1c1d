using Integra.Gateway.Reference;
using Integra.Gateway.Storage;

namespace Integra.Gateway.Operations;

/// <summary>
/// The reference data part of <c>/healthz</c>: when the snapshot in use was loaded, and — degraded — why newer files
/// were refused (file and line).
/// </summary>
public sealed record ReferenceHealth(string LoadedAt, bool Degraded, string? Error, string? ErrorAt)
{
    public static ReferenceHealth Of(ReferenceDataSource source) =>
        source.LastError is { } refused
            ? new ReferenceHealth(StoreFormats.Text(source.LoadedAt), true, refused.Error, StoreFormats.Text(refused.At))
            : new ReferenceHealth(StoreFormats.Text(source.LoadedAt), false, null, null);
}
