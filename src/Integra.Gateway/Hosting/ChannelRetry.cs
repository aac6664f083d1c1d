using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Integra.Gateway.Hosting;

/// <summary>The bounded back-off of the channels: 3 retries from 2 s, doubling, with jitter, at most 30 s apart.</summary>
public static class ChannelRetry
{
    /// <param name="logger">Where each retry is logged.</param>
    /// <param name="what">What is retried, for the log (e.g. "SFTP poll of ACME").</param>
    /// <param name="location">Where, for the log (never credentials).</param>
    /// <param name="fatal">Failures that retrying cannot fix.</param>
    /// <param name="time">The clock of the delays (fake in tests).</param>
    public static ResiliencePipeline Pipeline(ILogger logger, string what, string location, Func<Exception, bool> fatal, TimeProvider? time = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException && !fatal(e)),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromSeconds(2),
                MaxDelay = TimeSpan.FromSeconds(30),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    // Debug: the outage itself is one ChannelDown Error from the worker (ChannelOutages), not a line per retry.
                    logger.LogDebug("{What} at {Location} failed (attempt {Attempt}); retrying in {Delay}: {Error}", what, location, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception is { } e ? Health.ChannelOutages.OneLine(e) : "no exception");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
