using Integra.Gateway.Storage.Connections;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Integra.Gateway.Storage.Resilience;

/// <summary>
/// Whether the order store answers, as the process's workers and pages see it, and the retry they share. A transient
/// failure (<see cref="StoreFailures.IsTransient"/>) logs one <c>StoreUnavailable</c> Warning per outage, drops the
/// idle pooled connections (a restarted server broke them all) and turns health Degraded; the next success logs one
/// <c>StoreRecovered</c>. It never stops anything: only the store watchdog decides the store is gone
/// for good.
/// </summary>
public sealed class StoreAvailability(StoreDatabase database, ILogger<StoreAvailability> logger)
{
    private readonly Lock _gate = new();
    // The real clock always: a retry's delays must pass even where the gateway runs on a fake clock (tests).
    private readonly TimeProvider _time = TimeProvider.System;
    private DateTimeOffset? _since;
    private string? _error;

    /// <summary>When the current outage began and its last error; null while the store answers.</summary>
    public (DateTimeOffset Since, string Error)? Outage
    {
        get
        {
            lock (_gate)
            {
                return _since is { } since ? (since, _error!) : null;
            }
        }
    }

    /// <summary>Records a failure of <paramref name="what"/>: a transient one starts (or continues) an outage.</summary>
    /// <returns>Whether <paramref name="e"/> is transient (the caller retries; anything else is the caller's to report).</returns>
    public bool Failed(string what, Exception e)
    {
        if (!StoreFailures.IsTransient(e))
        {
            return false;
        }

        var error = StoreFailures.OneLine(e);
        bool first;
        lock (_gate)
        {
            first = _since is null;
            _since ??= _time.GetUtcNow();
            _error = error;
        }

        if (first)
        {
            logger.StoreUnavailable(StoreProbe.Describe(database.Value), what, error);
        }
        else
        {
            logger.LogDebug("Order store still unavailable ({What}): {Error}", what, error);
        }

        Dialect.ClearPool();
        return true;
    }

    /// <summary>Records that the store answered: ends an outage.</summary>
    public void Succeeded()
    {
        DateTimeOffset since;
        lock (_gate)
        {
            if (_since is not { } s)
            {
                return;
            }

            since = s;
            _since = null;
            _error = null;
        }

        logger.StoreRecovered(StoreProbe.Describe(database.Value), (_time.GetUtcNow() - since).TotalSeconds);
    }

    /// <summary>
    /// Runs <paramref name="work"/>, again on a transient failure, after 0.2 s doubling up to 2 s with jitter, at most
    /// <paramref name="attempts"/> times in all. <paramref name="work"/> must open what it uses (a store, a pipeline)
    /// itself and close it, so that each attempt runs on a fresh connection, never on the one that broke.
    /// </summary>
    /// <exception cref="Exception">The last failure, when every attempt failed, or the first failure that is not transient.</exception>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> work, int attempts, CancellationToken cancellationToken)
    {
        var result = await Pipeline(what, attempts).ExecuteAsync(async token => await work(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        Succeeded();
        return result;
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public T Run<T>(string what, Func<T> work, int attempts = 4)
    {
        var result = Pipeline(what, attempts).Execute(work);
        Succeeded();
        return result;
    }

    private StoreDialect Dialect => StoreDialect.For(StoreLocation.Parse(database.Value));

    private ResiliencePipeline Pipeline(string what, int attempts) =>
        new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                // A failure that is not transient is not retried, and not an outage: it goes to the caller as it is.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException && Failed(what, e)),
                MaxRetryAttempts = Math.Max(attempts - 1, 1),
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
}
