using Dapper;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>The daemon's reference data snapshots, kept for <c>status</c> (which runs in another process).</summary>
public sealed partial class OrderStore
{
    /// <summary>Records a snapshot swapped in: when, and from which file versions (one line each).</summary>
    public void RecordReferenceSnapshot(Instant loadedAt, string files) =>
        Live.Execute(
            "INSERT INTO reference_snapshots (loaded_at, files) VALUES (@loadedAt, @files)",
            new { loadedAt = StoreFormats.Text(loadedAt), files },
            ActiveTransaction);

    /// <summary>Records that changed files were refused; the latest snapshot stays the one in use.</summary>
    public void RecordReferenceRefusal(string error, Instant at) =>
        Live.Execute(
            "UPDATE reference_snapshots SET error = @error, error_at = @at WHERE id = (SELECT MAX(id) FROM reference_snapshots)",
            new { error, at = StoreFormats.Text(at) },
            ActiveTransaction);

    /// <summary>The snapshot in use by the latest daemon: load time, file versions, and a refusal since; null before any.</summary>
    public (string LoadedAt, string Files, string? Error, string? ErrorAt)? LatestReferenceSnapshot() =>
        Live.QueryFirstOrDefault<(string LoadedAt, string Files, string? Error, string? ErrorAt)?>(
            "SELECT loaded_at, files, error, error_at FROM reference_snapshots ORDER BY id DESC LIMIT 1",
            transaction: ActiveTransaction);
}
