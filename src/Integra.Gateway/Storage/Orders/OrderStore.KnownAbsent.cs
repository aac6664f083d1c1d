using Dapper;

namespace Integra.Gateway.Storage.Orders;

/// <summary>
/// A file's PONs looked up in one query per few hundred instead of one each: the orders that do not exist yet (most
/// of a file's, usually) are then known absent for the rest of the unit of work, and <see cref="FindOrderAsync(string,
/// OrderKind, string, string, CancellationToken)"/> answers them without asking the database. On PostgreSQL that look-up was the last round
/// trip a new LSR cost. Only absence is remembered: an existing order is always read fresh, so no decision is
/// taken on a copy that another step of the same unit of work has changed. <see cref="CreateOrderAsync"/> is the only
/// way an order comes into being, and it forgets the absence of what it creates.
/// </summary>
public sealed partial class OrderStore
{
    /// <summary>PONs per query, all in one list parameter (<see cref="Connections.StoreDialect.TextTable"/>).</summary>
    private const int AbsentChunk = 5_000;

    private readonly HashSet<(string Partner, OrderKind Kind, string Ccna, string Pon)> _absent = [];

    /// <summary>Look-ups of an order that the store answered from what it knew absent, for tests that count reads.</summary>
    internal int LookupsSaved { get; private set; }

    /// <summary>
    /// Looks up the orders of <paramref name="partner"/>'s <paramref name="kind"/> under these CCNA and PON keys (as
    /// the handlers look them up) and remembers, until the unit of work ends, which do not exist.
    /// </summary>
    public async ValueTask LookUpOrdersAsync(string partner, OrderKind kind, IEnumerable<(string Ccna, string Pon)> keys, CancellationToken cancellationToken)
    {
        if (_uow.Transaction is null)
        {
            throw new InvalidOperationException("What is known absent holds only inside a unit of work: call Begin first.");
        }

        var wanted = keys.Distinct().ToList();
        foreach (var chunk in wanted.Select(k => k.Pon).Distinct(StringComparer.Ordinal).Chunk(AbsentChunk))
        {
            var connection = await _uow.ConnectionAsync(cancellationToken);
            var existing = (await connection.QueryAsync<(string Ccna, string Pon)>(new CommandDefinition(
                // One parameter for the list: a Dapper list is a parameter per PON, each looked up by name on SQLite.
                $"SELECT ccna AS Ccna, pon AS Pon FROM orders WHERE partner = @partner AND kind = @kind AND pon IN (SELECT value FROM {_uow.Dialect.TextTable("@pons")})",
                new { partner, kind = StoredText.Of(kind), pons = _uow.Dialect.TextList(chunk) },
                _uow.Transaction,
                cancellationToken: cancellationToken))).ToHashSet();
            var inChunk = chunk.ToHashSet(StringComparer.Ordinal);
            foreach (var key in wanted.Where(k => inChunk.Contains(k.Pon) && !existing.Contains(k)))
            {
                _absent.Add((partner, kind, key.Ccna, key.Pon));
            }
        }
    }

    private bool KnownAbsent(string partner, OrderKind kind, string ccna, string pon)
    {
        if (!_absent.Contains((partner, kind, ccna, pon)))
        {
            return false;
        }

        LookupsSaved++;
        return true;
    }
}
