using Dapper;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>The record of each expiry sweep, and the channels' last polls, for the sweep and the operations reports.</summary>
public sealed partial class OrderStore
{
    /// <summary>Starts the record of a sweep as of <paramref name="asOf"/>, in the current unit of work; returns its id.</summary>
    public long StartSweep(Instant asOf) =>
        Live.ExecuteScalar<long>(
            "INSERT INTO sweeps (as_of, run_at) VALUES (@asOf, @runAt) RETURNING id",
            new { asOf = StoreFormats.Text(asOf), runAt = StoreFormats.Text(_clock.GetCurrentInstant()) },
            ActiveTransaction);

    /// <summary>Completes the record of a sweep with what it did.</summary>
    public void FinishSweep(long sweepId, int expired, int cancels) =>
        Live.Execute(
            "UPDATE sweeps SET expired = @expired, cancels = @cancels WHERE id = @sweepId",
            new { expired, cancels, sweepId },
            ActiveTransaction);

    /// <summary>The last successful poll of every channel that ever polled, by partner and channel.</summary>
    public IReadOnlyDictionary<(string Partner, string Channel), string?> LastSuccessfulPolls() =>
        Live.Query<(string Partner, string Channel, string? Ok)>("SELECT partner, channel, last_ok FROM channel_polls", transaction: ActiveTransaction)
            .ToDictionary(p => (p.Partner, p.Channel), p => p.Ok);
}
