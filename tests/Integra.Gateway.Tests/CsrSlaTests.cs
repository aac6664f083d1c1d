using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using NodaTime;
using NodaTime.Testing;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests;

/// <summary>The CSR 24-hour SLA with a fake clock: warning at 20 hours, error at 24, each once.</summary>
public sealed class CsrSlaTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task An_unanswered_csr_file_warns_at_20_hours_and_errors_at_24()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        using var store = TestStores.Open(_temp.File("g.db"), clock);
        var ledger = store.Intake;
        await ledger.SightedAsync("PORTCO", "sftp", "stuck.csr.csv", CancellationToken.None); // listed, never answered (e.g. its partner's drop broke)
        await ledger.SightedAsync("PORTCO", "sftp", "batch.lsr.csv", CancellationToken.None); // LSRs have no 24-hour target
        var logger = new CapturingLogger();
        await using var monitor = new CsrSlaMonitor(store, logger);

        clock.AdvanceHours(19);
        Assert.Equal(1, await monitor.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Empty(logger.Entries);

        clock.AdvanceHours(1);
        await monitor.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None);
        await monitor.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(("CsrSlaWarning", Microsoft.Extensions.Logging.LogLevel.Warning, "stuck.csr.csv"), (warning.Id.Name, warning.Level, warning.Fields["File"]));

        clock.AdvanceHours(4);
        await monitor.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None);
        await monitor.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None);
        Assert.Equal(2, logger.Entries.Count);
        Assert.Equal(("CsrSlaBreached", Microsoft.Extensions.Logging.LogLevel.Error), (logger.Entries[1].Id.Name, logger.Entries[1].Level));
    }

    public void Dispose() => _temp.Dispose();
}
