namespace Integra.Gateway.Portal.Tracking;

/// <summary>
/// The orders as the portal shows them (SPEC §7 "Tracking"): a partner's own orders from every channel, each order's
/// versions, answers, per-TN status and history, and its response files. Implemented by the gateway
/// (<c>PortalHosting</c>) over the order store. Every call takes the <see cref="OrderScope"/> of the signed-in user:
/// an order outside it is not found, the same answer as an id that does not exist ("nobody ever sees another
/// partner's data", not even that an order exists).
/// </summary>
public interface IOrderViews
{
    /// <summary>A page of the orders in <paramref name="scope"/> that match <paramref name="filter"/>, newest first.</summary>
    /// <param name="scope">Whose orders.</param>
    /// <param name="filter">What narrows the list.</param>
    /// <param name="cursor">The <see cref="OrderPage.Next"/> of the previous page; null or unreadable: the first page.</param>
    /// <param name="pageSize">Orders per page, 1 to 200.</param>
    /// <param name="cancellationToken">The request's: a page left stops its read.</param>
    Task<OrderPage> ListAsync(OrderScope scope, OrderFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// The order <paramref name="id"/> with its versions, answers, TNs, history and response files; null when not in
    /// scope. Read without holding a thread while the database answers.
    /// </summary>
    Task<OrderDetail?> FindAsync(OrderScope scope, long id, CancellationToken cancellationToken);

    /// <summary>
    /// The response file <paramref name="fileId"/> (a <see cref="ResponseFileInfo.Id"/>) of the order
    /// <paramref name="orderId"/>, byte for byte as its channel delivered it; null when the order is not in scope or
    /// the file is not one of its files. Read without holding a thread while the database answers.
    /// </summary>
    Task<ResponseDownload?> DownloadAsync(OrderScope scope, long orderId, string fileId, CancellationToken cancellationToken);
}
