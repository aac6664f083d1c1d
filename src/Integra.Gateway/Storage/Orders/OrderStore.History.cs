using Integra.Gateway.Responses;

namespace Integra.Gateway.Storage.Orders;

/// <summary>
/// What deciding a request reads of its PON's history: one indexed row or value per question, never the whole
/// history. A partner that repeats one PON thousands of times (a script gone wrong) must cost the same per
/// request as one that sends it once, however many versions, TNs and responses the PON has gathered.
/// </summary>
public sealed partial class OrderStore
{
    /// <summary>
    /// How much of orders' histories the store has read back since it was opened: a look-up of one value (a
    /// version's hash, the latest VER) counts one, a list (TNs, the rows of a stored response) one per row. Tests
    /// hold the decision of a request to a bounded amount of it: counted, not timed, so the bound does not depend on
    /// the machine.
    /// </summary>
    internal long HistoryReads { get; private set; }

    /// <summary>Stored responses read back (their JSON parsed) since the store was opened; see <see cref="HistoryReads"/>.</summary>
    internal long ResponsesRead { get; private set; }

    /// <summary>The content hash of the order's version <paramref name="ver"/>, or null when there is none.</summary>
    public async ValueTask<string?> VersionHashAsync(long orderId, string ver, CancellationToken cancellationToken)
    {
        HistoryReads++;
        return await _uow.Statements.ScalarAsync("SELECT content_hash FROM versions WHERE order_id = @orderId AND ver = @ver", [("@orderId", orderId), ("@ver", ver)], cancellationToken) as string;
    }

    /// <summary>The highest version on file for the order, or null when it has none.</summary>
    /// <remarks>MAX over the (order_id, ver) unique index: one index probe, not a scan of the order's versions.</remarks>
    public string? LatestVer(long orderId)
    {
        HistoryReads++;
        return _uow.Statements.Scalar(LatestVerSql, ("@orderId", orderId)) as string;
    }

    /// <inheritdoc cref="LatestVer"/>
    public async ValueTask<string?> LatestVerAsync(long orderId, CancellationToken cancellationToken)
    {
        HistoryReads++;
        return await _uow.Statements.ScalarAsync(LatestVerSql, [("@orderId", orderId)], cancellationToken) as string;
    }

    private const string LatestVerSql = "SELECT MAX(ver) FROM versions WHERE order_id = @orderId";

    /// <summary>The response kept for the order's version <paramref name="ver"/> (to send it again, S7), or null when there is none.</summary>
    public async ValueTask<IReadOnlyList<ResponseRow>?> ResponseAsync(long orderId, string ver, CancellationToken cancellationToken)
    {
        HistoryReads++;
        if (await _uow.Statements.ScalarAsync("SELECT response FROM versions WHERE order_id = @orderId AND ver = @ver", [("@orderId", orderId), ("@ver", ver)], cancellationToken) is not string json)
        {
            return null;
        }

        var rows = OrderRows.ReadResponse(json);
        HistoryReads += rows.Count;
        ResponsesRead++;
        return rows;
    }
}
