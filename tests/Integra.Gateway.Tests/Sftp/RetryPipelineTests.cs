using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Tests.Sftp;

/// <summary>The SFTP back-off: bounded, growing, and never retrying a refused host key. Fake time, no sleeps.</summary>
public class RetryPipelineTests
{
    [Fact]
    public async Task A_failing_poll_is_retried_three_times_with_growing_delays_then_gives_up()
    {
        var time = new FakeTimeProvider();
        var pipeline = SftpDropWorker.RetryPipeline(NullLogger.Instance, "ACME", "sftp://x", time);
        var attempts = new List<DateTimeOffset>();
        var run = pipeline.ExecuteAsync<int>(_ =>
        {
            attempts.Add(time.GetUtcNow());
            throw new IOException("connection reset");
        }).AsTask();

        for (var i = 0; i < 20 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
            await Task.Delay(1);
        }

        await Assert.ThrowsAsync<IOException>(() => run);
        Assert.Equal(4, attempts.Count);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.InRange(g, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(35)));
    }

    [Fact]
    public async Task A_host_key_mismatch_is_not_retried()
    {
        var pipeline = SftpDropWorker.RetryPipeline(NullLogger.Instance, "ACME", "sftp://x", new FakeTimeProvider());
        var attempts = 0;
        await Assert.ThrowsAsync<HostKeyMismatchException>(async () => await pipeline.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new HostKeyMismatchException("wrong key");
        }));
        Assert.Equal(1, attempts);
    }
}
