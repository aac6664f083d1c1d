using Integra.Gateway.Csv;
using Integra.Gateway.Logging;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Drops;

/// <summary>
/// SPEC §5: a temporary file of the gateway's own left in an outbound folder by a crash (a zero-byte
/// <c>.NAME.&lt;guid&gt;.tmp</c> after kill -9 mid-write) is removed at the next round. Only names of the gateway's
/// pattern (<see cref="TemporaryNames"/>) are touched, and only once they are a minute old: a write in progress
/// renames its file within moments, so a minute leaves room for a slow upload and for some clock skew with an SFTP
/// server.
/// </summary>
public static class OrphanedTemporaryFiles
{
    /// <summary>How old a temporary file must be before it counts as left behind.</summary>
    public static readonly Duration MinimumAge = Duration.FromMinutes(1);

    /// <summary>The entries of an outbound listing that are orphaned temporary files at <paramref name="now"/>.</summary>
    public static IEnumerable<DropEntry> In(IEnumerable<DropEntry> outbound, Instant now) =>
        outbound.Where(e => TemporaryNames.IsOurs(e.Name) && now - Instant.FromDateTimeOffset(e.Modified) >= MinimumAge);

    /// <summary>Removes them from <paramref name="folder"/>'s outbound folder, logging each; returns how many.</summary>
    public static async Task<int> RemoveAsync(IDropFolder folder, string partner, IEnumerable<DropEntry> outbound, Instant now, ILogger logger, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var orphan in In(outbound, now).ToList())
        {
            await folder.DeleteOutboundAsync(orphan.Name, cancellationToken);
            logger.OrphanedTemporaryFileRemoved(partner, folder.Location, orphan.Name, orphan.Size, orphan.Modified.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            removed++;
        }

        return removed;
    }
}
