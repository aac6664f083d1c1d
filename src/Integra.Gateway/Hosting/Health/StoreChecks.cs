using Integra.Gateway.Operations;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// Liveness: the store opens read-only and answers a read. Degraded while it is unavailable for a transient reason (a
/// restart, a fail-over, a busy file: <see cref="StoreFailures.IsTransient"/>) or while the workers still see such
/// an outage (<see cref="StoreAvailability"/>): the daemon retries, and only the store watchdog decides the store is
/// gone for good. Unhealthy when it fails otherwise.
/// </summary>
public sealed class StoreHealthCheck(string database, StoreAvailability? availability = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var view = await OperationsView.OpenAsync(database, cancellationToken);
            await view.PingAsync(cancellationToken);
        }
        catch (Exception e) when (StoreFailures.IsTransient(e))
        {
            // The next probe, and the next page, on connections made after the failure.
            StoreDialect.For(StoreLocation.Parse(database)).ClearPool();
            return HealthCheckResult.Degraded($"{StoreProbe.Describe(database)} unavailable, retrying: {StoreFailures.OneLine(e)}");
        }

        return availability?.Outage is { } outage
            ? HealthCheckResult.Degraded($"{StoreProbe.Describe(database)} answers again; work still retrying since {outage.Since:O}: {outage.Error}")
            : HealthCheckResult.Healthy($"{StoreProbe.Describe(database)} answers");
    }
}

/// <summary>The expiry sweep ran within <paramref name="maxAge"/> (a missed daily fire is Degraded); counted from start before the first sweep.</summary>
public sealed class SweepHealthCheck(string database, bool enabled, Duration maxAge, Instant started, IClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!enabled)
        {
            return HealthCheckResult.Healthy("sweep disabled here (Lifecycle:SweepEnabled=false)");
        }

        await using var view = await OperationsView.OpenAsync(database, cancellationToken);
        var last = await view.LastSweepRunAtAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var since = last is null ? started : StoreFormats.Instant(last);
        var data = new Dictionary<string, object> { ["lastSweep"] = last ?? "never" };
        return now - since <= maxAge
            ? HealthCheckResult.Healthy($"last sweep {last ?? "none yet"}", data)
            : HealthCheckResult.Degraded($"no expiry sweep for {(now - since).TotalHours:F1} h (bound {maxAge.TotalHours:F0} h); last {last ?? "never"}", data: data);
    }
}

/// <summary>No response file waits in the delivery outbox longer than <paramref name="maxWait"/>; else Degraded, per partner and channel.</summary>
public sealed class OutboxHealthCheck(string database, Duration maxWait, IClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var view = await OperationsView.OpenAsync(database, cancellationToken);
        var now = clock.GetCurrentInstant();
        var waiting = await view.DeliveriesWaitingAsync(cancellationToken);
        var late = waiting.Where(w => w.Oldest is { } oldest && now - StoreFormats.Instant(oldest) > maxWait).ToList();
        var data = waiting.ToDictionary(w => $"{w.Partner}/{w.Channel}", w => (object)$"{w.Count} file(s) waiting since {w.Oldest}");
        return late.Count == 0
            ? HealthCheckResult.Healthy($"{waiting.Sum(w => w.Count)} delivery(ies) waiting, none longer than {maxWait.TotalMinutes:F0} min", data)
            : HealthCheckResult.Degraded($"deliveries waiting longer than {maxWait.TotalMinutes:F0} min: {string.Join(", ", late.Select(w => $"{w.Partner}/{w.Channel}"))}", data: data);
    }
}

/// <summary>Expedite reviews waiting more than one business day (<see cref="BusinessAge"/>) are Degraded.</summary>
public sealed class ReviewsHealthCheck(string database, ReferenceDataSource reference, DateTimeZone deskZone, IClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var view = await OperationsView.OpenAsync(database, cancellationToken);
        var aged = ReviewMonitor.Age(await view.PendingReviewsAsync(cancellationToken), reference.Current.Calendar, deskZone, clock.GetCurrentInstant());
        var overdue = aged.Where(a => a.Overdue).ToList();
        var data = aged.ToDictionary(a => $"{a.Review.Partner}/{a.Review.Pon}", a => (object)$"{a.BusinessAge.TotalHours:F1} business hours since {a.Review.Since}");
        return overdue.Count == 0
            ? HealthCheckResult.Healthy($"{aged.Count} expedite review(s) pending, none over one business day", data)
            : HealthCheckResult.Degraded($"{overdue.Count} expedite review(s) waiting more than one business day: {string.Join(", ", overdue.Select(a => a.Review.Pon))}", data: data);
    }
}

/// <summary>Newer reference data files were refused (the old snapshot is still in use): Degraded until a good one loads.</summary>
public sealed class ReferenceDataHealthCheck(ReferenceDataSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = ReferenceHealth.Of(source);
        var data = new Dictionary<string, object> { ["loadedAt"] = health.LoadedAt };
        return Task.FromResult(health.Degraded
            ? HealthCheckResult.Degraded($"refused at {health.ErrorAt}, keeping the snapshot loaded at {health.LoadedAt}: {health.Error}", data: data)
            : HealthCheckResult.Healthy($"snapshot loaded at {health.LoadedAt}", data));
    }
}
