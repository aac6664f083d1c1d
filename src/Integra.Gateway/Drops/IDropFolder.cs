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

    /// <summary>Writes a response file to the outbound folder under a temporary name, then renames it into place.</summary>
    Task WriteResponseAsync(string responseName, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken);

    /// <summary>Moves an inbound file to the archive folder, or to the error folder when it could not be processed.</summary>
    Task MoveAsync(string name, bool toError, CancellationToken cancellationToken);
}
