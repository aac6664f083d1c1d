using Integra.Gateway.Delivery;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.ResponseFiles;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Drops;

/// <summary>
/// The names a drop's responses go out under (SPEC §5): no answer ever replaces another. The plain name
/// (<c>batch7.lsr.resp.csv</c>) when this partner's outbound folder on this channel never had it, else
/// <c>batch7.lsr.2.resp.csv</c>, <c>.3.</c>, … The store decides (<see cref="ResponseNameStore"/>: every name given,
/// committed before the write), so a crash between writing and recording never gives the name to another answer,
/// and the retry of the same answer writes it under the same name again. The folder's last listing adds the names
/// the store cannot know (a file put there by hand, or by a gateway before names were kept).
/// </summary>
/// <remarks>
/// A request file uploaded again after it was answered (S7) is a new upload: its resent answer gets a new number,
/// because the partner may not have fetched the first one yet.
/// </remarks>
public sealed class OutboundNames(IUnitOfWork store, string partner, Channel channel)
{
    private readonly ResponseNameStore _names = store.ResponseNames;
    private readonly string _place = StoredText.Of(channel);
    private HashSet<string> _present = new(StringComparer.Ordinal);

    /// <summary>Remembers the names in the outbound folder as this round listed them.</summary>
    public void Listed(IEnumerable<DropEntry> outbound) => _present = outbound.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Gives each newly decided file of a batch its response name, in one unit of work, and returns the items with
    /// it; the kept response file (the portal's copy) takes the same name.
    /// </summary>
    public async Task<IReadOnlyList<IntakeItem>> NameAsync(IReadOnlyList<IntakeItem> items, CancellationToken cancellationToken)
    {
        var decided = items.Where(i => i.Outcome is not null).ToList();
        if (decided.Count == 0)
        {
            return items;
        }

        var given = new Dictionary<IntakeItem, string>(ReferenceEqualityComparer.Instance);
        var transaction = await store.BeginAsync(cancellationToken);
        await using (transaction)
        {
            var names = await _names.AssignAsync(partner, _place, decided.Select(i => new NameRequest($"F{i.Record.Id}", i.Outcome!.ResponseName)).ToList(), _present.Contains, cancellationToken);
            var files = store.ResponseFiles;
            for (var i = 0; i < decided.Count; i++)
            {
                var item = decided[i];
                given[item] = names[i];
                if (names[i] != item.Outcome!.ResponseName)
                {
                    await files.RenamedAsync(partner, channel, item.File.Name, item.Record.FirstSeen, names[i], cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return items.Select(i => given.TryGetValue(i, out var name) ? i with { Outcome = i.Outcome! with { ResponseName = name } } : i).ToList();
    }

    /// <summary>The name a waiting answer of the outbox (review, sweep, closure) goes out under.</summary>
    public async Task<string> NameAsync(OutboxFile file, CancellationToken cancellationToken)
    {
        var source = file.Ids.Count > 0 ? $"O{file.Ids[0]}" : null;
        return (await _names.AssignAsync(partner, _place, [new NameRequest(source, file.FileName)], _present.Contains, cancellationToken))[0];
    }
}
