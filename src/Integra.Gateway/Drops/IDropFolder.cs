using Integra.Gateway.Csv;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;

namespace Integra.Gateway.Drops;

/// <summary>
/// One partner's drop: inbound files to read, an outbound folder for responses, archive and error folders for
/// originals. Implementations touch only that partner's folders. Names passed in come from <see cref="ListAsync"/>
/// and have been checked with <see cref="SafeFileName.IsPlain"/>.
/// </summary>
/// <remarks>Methods throw <see cref="IOException"/> (or a transport's own exception) when the drop cannot be reached; the poller retries on its next round.</remarks>
public interface IDropFolder
{
    /// <summary>For logs: where this drop is (never credentials).</summary>
    string Location { get; }

    /// <summary>
    /// How many transfers the drop can carry at once (its connections); the poller never runs more. Each call is
    /// for a different file.
    /// </summary>
    int Parallelism => 1;

    /// <summary>The files in the inbound folder, without sub-folders.</summary>
    Task<IReadOnlyList<DropEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Copies an inbound file to <paramref name="destination"/>.</summary>
    Task DownloadAsync(string name, Stream destination, CancellationToken cancellationToken);

    /// <summary>
    /// The files in the outbound folder, without sub-folders: the names already there (a response is never written
    /// over one, SPEC §5) and temporary files a crash left behind.
    /// </summary>
    Task<IReadOnlyList<DropEntry>> ListOutboundAsync(CancellationToken cancellationToken);

    /// <summary>Removes a file of the gateway's own from the outbound folder (<see cref="TemporaryNames.IsOurs"/>); one already gone is no error.</summary>
    /// <exception cref="ArgumentException">The name is not one of the gateway's temporary names.</exception>
    Task DeleteOutboundAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a response file to the outbound folder under a temporary name (<see cref="TemporaryNames.For"/>), then
    /// renames it into place. The name comes from <see cref="OutboundNames"/>, which never gives one twice, so the only
    /// file it can replace is the same answer written before a crash.
    /// </summary>
    Task WriteResponseAsync(string responseName, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken);

    /// <summary>Moves an inbound file to the archive folder, or to the error folder when it could not be processed.</summary>
    Task MoveAsync(string name, bool toError, CancellationToken cancellationToken);
}
