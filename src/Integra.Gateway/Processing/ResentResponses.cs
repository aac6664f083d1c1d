using Integra.Gateway.Responses;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Processing;

/// <summary>
/// The stored responses sent again (S7) while one request file is processed, each read from the store once. A CSR
/// file that repeats one request 20,000 times (a partner's script gone wrong) would otherwise parse the same stored
/// JSON once per row inside the file's write transaction. One instance per file: a response can change between
/// files (an expedite review replaces it), never within one.
/// </summary>
internal sealed class ResentResponses(IUnitOfWork store)
{
    private readonly Dictionary<(long OrderId, string Ver), IReadOnlyList<ResponseRow>> _responses = [];

    /// <summary>The response kept for the order's version <paramref name="ver"/>, which must be on file.</summary>
    public async ValueTask<IReadOnlyList<ResponseRow>> OfAsync(long orderId, string ver, CancellationToken cancellationToken)
    {
        if (!_responses.TryGetValue((orderId, ver), out var rows))
        {
            rows = await store.Orders.ResponseAsync(orderId, ver, cancellationToken) ?? throw new InvalidOperationException($"version {ver} of order {orderId} has no stored response to send again");
            _responses.Add((orderId, ver), rows);
        }

        return rows;
    }
}
