using Integra.Gateway.Logging;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>
/// The CSR 24-hour target ("Integra strives to return proper CSR requests within 24 hours"): a CSR file seen in a
/// drop but not answered gets a warning at 20 hours and an error at 24, each once per file. With several gateway
/// instances on one database, one of them watches (<see cref="CheckIfWatcherAsync"/>), so each is said once.
/// </summary>
public sealed class CsrSlaMonitor(IUnitOfWork store, ILogger logger) : IAsyncDisposable
{
    public static readonly Duration WarnAfter = Duration.FromHours(20);
    public static readonly Duration BreachAfter = Duration.FromHours(24);
    private readonly HashSet<(string, string, string)> _warned = [];
    private readonly HashSet<(string, string, string)> _breached = [];
    private IAsyncDisposable? _watch;

    /// <summary>
    /// <see cref="CheckAsync"/> when this instance is the watcher: it becomes the watcher when no other instance is,
    /// and stays it until disposed or its database session ends. Returns null while another instance watches.
    /// </summary>
    public async Task<int?> CheckIfWatcherAsync(Instant now, CancellationToken cancellationToken)
    {
        _watch ??= await store.TryLeaseAsync("csr-sla-watch", cancellationToken);
        if (_watch is null)
        {
            return null;
        }

        try
        {
            return await CheckAsync(now, cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            // The session (and the lease with it) may be gone: ask again next time.
            await _watch.DisposeAsync();
            _watch = null;
            throw;
        }
    }

    /// <summary>Logs what is late as of <paramref name="now"/>; returns how many CSR files are waiting.</summary>
    public async Task<int> CheckAsync(Instant now, CancellationToken cancellationToken)
    {
        var waiting = (await store.Reports.WaitingCsrSightingsAsync(cancellationToken)).Select(w => (w.Partner, w.Channel, w.Path, w.FirstSeen)).ToList();
        foreach (var (partner, channel, path, firstSeen) in waiting)
        {
            var age = now - firstSeen;
            var key = (partner, channel, path + "@" + StoreFormats.Text(firstSeen));
            if (age >= BreachAfter && _breached.Add(key))
            {
                logger.CsrSlaBreached(partner, path, age.TotalHours);
            }
            else if (age >= WarnAfter && age < BreachAfter && _warned.Add(key))
            {
                logger.CsrSlaWarning(partner, path, age.TotalHours);
            }
        }

        return waiting.Count;
    }

    /// <summary>CSR files listed in a drop and not yet answered (still sighted), oldest first.</summary>
    public static IReadOnlyList<(string Partner, string Channel, string Path, Instant FirstSeen)> WaitingFiles(IUnitOfWork store) =>
        store.Reports.WaitingCsrSightings().Select(w => (w.Partner, w.Channel, w.Path, w.FirstSeen)).ToList();

    public ValueTask DisposeAsync() => _watch?.DisposeAsync() ?? ValueTask.CompletedTask;
}
