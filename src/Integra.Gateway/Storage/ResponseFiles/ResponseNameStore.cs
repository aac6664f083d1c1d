using System.Globalization;
using Dapper;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.ResponseFiles;

/// <summary>One answer that needs a name in a partner's outbound place.</summary>
/// <param name="Source">
/// What it answers, stable across a crash-retry (<c>F&lt;intake file id&gt;</c>, <c>O&lt;first outbox id&gt;</c>): the
/// same source always gets the name it was given first. Null for an answer that is never retried (the CLI's copy).
/// </param>
/// <param name="BaseName">The name it has when nothing else took it, e.g. <c>batch7.lsr.resp.csv</c> (SPEC §5).</param>
public readonly record struct NameRequest(string? Source, string BaseName);

/// <summary>
/// The names responses were given in each partner's outbound place (SPEC §5: no answer ever replaces another). A
/// name is recorded, committed, before anything is written under it, so a crash between writing and recording the
/// delivery neither reuses it for another answer nor gives the retried answer another one. A place is the channel's
/// stored text for the drops (<c>local</c>, <c>sftp</c>) and <c>out:&lt;folder&gt;</c> for the CLI's copies.
/// </summary>
public sealed class ResponseNameStore(IUnitOfWork uow)
{
    /// <summary>The place of the CLI's copies under <c>--out</c>: its own, so they never take a drop's names.</summary>
    public static string OutFolderPlace(string folder) => "out:" + Path.GetFullPath(folder);

    /// <summary>
    /// The name of each request, in order: the one its source was given before, else the base name or the first
    /// numbered one (<c>batch7.lsr.2.resp.csv</c>, <c>.3.</c>, …) that this place never gave and that
    /// <paramref name="present"/> (a file in the outbound folder now, perhaps one the store does not know) does not
    /// show. Three or four round trips for the whole batch, in one unit of work (the caller's, when one is open).
    /// </summary>
    public async Task<IReadOnlyList<string>> AssignAsync(string partner, string place, IReadOnlyList<NameRequest> requests, Func<string, bool> present, CancellationToken cancellationToken)
    {
        var names = new string?[requests.Count];
        var transaction = await uow.BeginAsync(cancellationToken);
        await using var rollback = transaction;
        var earlier = await EarlierAsync(partner, place, requests.Where(r => r.Source is not null).Select(r => r.Source!).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var pending = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].Source is { } source && earlier.TryGetValue(source, out var name))
            {
                names[i] = name;
            }
            else
            {
                pending.Add(i);
            }
        }

        var next = await NextSuffixesAsync(partner, place, pending.Select(i => requests[i].BaseName).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var proposed = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<(int Index, long Suffix)>();

        // Each pass proposes a fresh number per request and keeps those the place never gave; numbers only grow, so a
        // few passes at most (a name taken by another base, e.g. a request file itself named batch7.lsr.2.csv).
        while (pending.Count > 0)
        {
            var proposals = new List<(int Index, long Suffix, string Name)>();
            foreach (var i in pending)
            {
                var baseName = requests[i].BaseName;
                string name;
                long suffix;
                do
                {
                    suffix = next[baseName]++;
                    name = Numbered(baseName, suffix);
                }
                while (present(name) || !proposed.Add(name));

                proposals.Add((i, suffix, name));
            }

            var given = await GivenAsync(partner, place, proposals.Select(p => p.Name).ToList(), cancellationToken);
            pending = [];
            foreach (var (index, suffix, name) in proposals)
            {
                if (given.Contains(name))
                {
                    pending.Add(index);
                }
                else
                {
                    names[index] = name;
                    chosen.Add((index, suffix));
                }
            }
        }

        var now = StoreFormats.Text(uow.Clock.GetCurrentInstant());
        await uow.Statements.InsertRowsAsync(
            "response_names",
            ["partner", "place", "base", "suffix", "name", "source", "assigned_at"],
            chosen.Select(c => new object?[] { partner, place, requests[c.Index].BaseName, c.Suffix, names[c.Index], requests[c.Index].Source, now }),
            null,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return names.Select(n => n!).ToList();
    }

    /// <summary>
    /// <paramref name="baseName"/> with number <paramref name="suffix"/> before <c>.resp.csv</c>; 1 is the bare name.
    /// A name without that ending (none the gateway makes) gets the number at its end.
    /// </summary>
    public static string Numbered(string baseName, long suffix)
    {
        const string Ending = ".resp.csv";
        if (suffix <= 1)
        {
            return baseName;
        }

        var number = suffix.ToString(CultureInfo.InvariantCulture);
        return baseName.EndsWith(Ending, StringComparison.OrdinalIgnoreCase)
            ? $"{baseName[..^Ending.Length]}.{number}{baseName[^Ending.Length..]}"
            : $"{baseName}.{number}";
    }

    private async Task<Dictionary<string, string>> EarlierAsync(string partner, string place, List<string> sources, CancellationToken cancellationToken) =>
        sources.Count == 0
            ? new(StringComparer.Ordinal)
            : (await uow.QueryAsync<(string Source, string Name)>(
                    $"SELECT source, name FROM response_names WHERE partner = @partner AND place = @place AND {uow.Dialect.InList("source", "@sources")}",
                    new { partner, place, sources = sources.ToArray() },
                    cancellationToken))
                .ToDictionary(r => r.Source, r => r.Name, StringComparer.Ordinal);

    /// <summary>Per base name, the number after the highest one given (1, the bare name, when none was).</summary>
    private async Task<Dictionary<string, long>> NextSuffixesAsync(string partner, string place, List<string> bases, CancellationToken cancellationToken)
    {
        var next = bases.ToDictionary(b => b, _ => 1L, StringComparer.Ordinal);
        if (bases.Count > 0)
        {
            var rows = await uow.QueryAsync<(string Base, long Highest)>(
                $"SELECT base, MAX(suffix) FROM response_names WHERE partner = @partner AND place = @place AND {uow.Dialect.InList("base", "@bases")} GROUP BY base",
                new { partner, place, bases = bases.ToArray() },
                cancellationToken);
            foreach (var (baseName, highest) in rows)
            {
                next[baseName] = highest + 1;
            }
        }

        return next;
    }

    private async Task<HashSet<string>> GivenAsync(string partner, string place, List<string> names, CancellationToken cancellationToken) =>
        (await uow.QueryAsync<string>(
                $"SELECT name FROM response_names WHERE partner = @partner AND place = @place AND {uow.Dialect.InList("name", "@names")}",
                new { partner, place, names = names.ToArray() },
                cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The <see cref="ResponseNameStore"/> of a unit of work.</summary>
public static class ResponseNameStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The names responses were given in each partner's outbound place.</summary>
        public ResponseNameStore ResponseNames => uow.Store(static u => new ResponseNameStore(u));
    }
}
