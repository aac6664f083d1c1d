using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;

namespace Integra.Gateway.Tests;

/// <summary>Fault injection around a real drop: the process "dies" while writing the response or before archiving.</summary>
internal sealed class FaultyFolder(IDropFolder inner) : IDropFolder
{
    public bool FailResponse { get; set; }

    public bool FailMove { get; set; }

    /// <summary>The response is written whole, then the process "dies" before the ledger records it.</summary>
    public bool FailAfterResponse { get; set; }

    /// <summary>Names of the responses written through this folder, in order (a retry shows its name again).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Written { get; } = new();

    /// <summary>When set, moves fail once this many have succeeded (a crash in the middle of a batch's archiving).</summary>
    public int? FailMoveAfter { get; set; }

    /// <summary>Transfers the poller may run at once through this folder (as over several SFTP connections).</summary>
    public int Parallelism { get; set; } = 1;

    private int _moves;

    /// <summary>Runs inside every listing, while the poller holds its lease (another instance polling meanwhile).</summary>
    public Func<Task>? DuringList { get; set; }

    /// <summary>Response files actually written through this folder.</summary>
    public int Responses => _responses;

    private int _responses;

    public string Location => inner.Location;

    public async Task<IReadOnlyList<DropEntry>> ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listings);
        if (DuringList is { } during)
        {
            await during();
        }

        return await inner.ListAsync(cancellationToken);
    }

    /// <summary>Downloads per file name, to show each file is read once.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Downloads { get; } = new(StringComparer.Ordinal);

    /// <summary>Listings taken through this folder (one a round).</summary>
    public int Listings => _listings;

    private int _listings;

    public Task DownloadAsync(string name, Stream destination, CancellationToken cancellationToken)
    {
        Downloads.AddOrUpdate(name, 1, (_, n) => n + 1);
        return inner.DownloadAsync(name, destination, cancellationToken);
    }

    public async Task WriteResponseAsync(string responseName, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken)
    {
        if (FailResponse)
        {
            throw new IOException("injected: died while writing the response");
        }

        await inner.WriteResponseAsync(responseName, rows, cancellationToken);
        Interlocked.Increment(ref _responses);
        Written.Enqueue(responseName);
        if (FailAfterResponse)
        {
            throw new IOException("injected: died after writing the response, before recording it");
        }
    }

    public Task<IReadOnlyList<DropEntry>> ListOutboundAsync(CancellationToken cancellationToken) => inner.ListOutboundAsync(cancellationToken);

    public Task DeleteOutboundAsync(string name, CancellationToken cancellationToken) => inner.DeleteOutboundAsync(name, cancellationToken);

    public Task MoveAsync(string name, bool toError, CancellationToken cancellationToken)
    {
        if (FailMove || (FailMoveAfter is { } after && Interlocked.Increment(ref _moves) > after))
        {
            throw new IOException("injected: died before archiving");
        }

        return inner.MoveAsync(name, toError, cancellationToken);
    }
}
