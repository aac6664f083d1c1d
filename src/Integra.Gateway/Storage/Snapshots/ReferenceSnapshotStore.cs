using Dapper;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Snapshots;

/// <summary>The daemon's reference data snapshots, kept for <c>status</c> (which runs in another process).</summary>
public sealed class ReferenceSnapshotStore(IUnitOfWork uow)
{
    /// <summary>Records a snapshot swapped in: when, and from which file versions (one line each).</summary>
    public Task RecordReferenceSnapshotAsync(Instant loadedAt, string files, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "INSERT INTO reference_snapshots (loaded_at, files) VALUES (@loadedAt, @files)",
            new { loadedAt = StoreFormats.Text(loadedAt), files },
            cancellationToken);

    /// <summary>Records that changed files were refused; the latest snapshot stays the one in use.</summary>
    public Task RecordReferenceRefusalAsync(string error, Instant at, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE reference_snapshots SET error = @error, error_at = @at WHERE id = (SELECT MAX(id) FROM reference_snapshots)",
            new { error, at = StoreFormats.Text(at) },
            cancellationToken);

    /// <summary>The snapshot in use by the latest daemon: load time, file versions, and a refusal since; null before any.</summary>
    public (string LoadedAt, string Files, string? Error, string? ErrorAt)? LatestReferenceSnapshot() =>
        uow.Connection.QueryFirstOrDefault<(string LoadedAt, string Files, string? Error, string? ErrorAt)?>(
            "SELECT loaded_at, files, error, error_at FROM reference_snapshots ORDER BY id DESC LIMIT 1",
            transaction: uow.Transaction);
}

/// <summary>The <see cref="ReferenceSnapshotStore"/> of a unit of work.</summary>
public static class ReferenceSnapshotStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The daemon's reference data snapshots.</summary>
        public ReferenceSnapshotStore ReferenceSnapshots => uow.Store(static u => new ReferenceSnapshotStore(u));
    }
}
