using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Orders;

/// <summary>The record of each expiry sweep, for the sweep and the operations reports.</summary>
public sealed partial class ExpiryStore
{
    /// <summary>Starts the record of a sweep as of <paramref name="asOf"/>, in the current unit of work; returns its id.</summary>
    public Task<long> StartSweepAsync(Instant asOf, CancellationToken cancellationToken) =>
        uow.ExecuteScalarAsync<long>(
            "INSERT INTO sweeps (as_of, run_at) VALUES (@asOf, @runAt) RETURNING id",
            new { asOf = StoreFormats.Text(asOf), runAt = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);

    /// <summary>Completes the record of a sweep with what it did.</summary>
    public Task FinishSweepAsync(long sweepId, int expired, int cancels, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE sweeps SET expired = @expired, cancels = @cancels WHERE id = @sweepId",
            new { expired, cancels, sweepId },
            cancellationToken);
}
