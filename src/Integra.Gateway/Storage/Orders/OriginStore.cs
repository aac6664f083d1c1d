using Dapper;
using Integra.Gateway.Delivery;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Orders;

/// <summary>Where each order's answers go: the route of its latest filed version (SPEC §1 "Where answers go").</summary>
public sealed class OriginStore(IUnitOfWork uow)
{
    /// <summary>Keeps <paramref name="route"/> as the order's; a later version on another channel moves it there.</summary>
    public ValueTask SetOriginAsync(long orderId, DeliveryRoute route, CancellationToken cancellationToken)
    {
        // Once per filed version: a kept command (prepared once on SQLite), sent with the next round trip on PostgreSQL.
        var thread = route.Thread;
        return uow.Statements.DeferAsync(
            """
            INSERT INTO order_origins (order_id, channel, mail_to, mail_message_id, mail_references, mail_subject)
            VALUES (@orderId, @channel, @to, @messageId, @references, @subject)
            ON CONFLICT (order_id) DO UPDATE SET channel = @channel, mail_to = @to, mail_message_id = @messageId,
                mail_references = @references, mail_subject = @subject
            """,
            [("@orderId", orderId), ("@channel", StoredText.Of(route.Channel)), ("@to", thread?.To), ("@messageId", thread?.MessageId),
            ("@references", thread?.References), ("@subject", thread?.Subject)],
            cancellationToken);
    }

    /// <summary>
    /// The route of the order's answers. An order filed before routes were kept answers on the channel of its latest
    /// version (for mail: a new message to the partner's listed address).
    /// </summary>
    public DeliveryRoute OriginOf(long orderId) =>
        Route(
            uow.Connection.QueryFirstOrDefault<(string Channel, string? To, string? MessageId, string? References, string? Subject)?>(OriginSql, new { orderId }, uow.Transaction),
            () => uow.Connection.ExecuteScalar<string?>(LatestChannelSql, new { orderId }, uow.Transaction));

    /// <inheritdoc cref="OriginOf"/>
    public async Task<DeliveryRoute> OriginOfAsync(long orderId, CancellationToken cancellationToken)
    {
        var row = await uow.QueryFirstOrDefaultAsync<(string Channel, string? To, string? MessageId, string? References, string? Subject)?>(OriginSql, new { orderId }, cancellationToken);
        var latest = row is null ? await uow.ExecuteScalarAsync<string?>(LatestChannelSql, new { orderId }, cancellationToken) : null;
        return Route(row, () => latest);
    }

    private const string OriginSql = "SELECT channel, mail_to, mail_message_id, mail_references, mail_subject FROM order_origins WHERE order_id = @orderId";

    private const string LatestChannelSql = "SELECT channel FROM versions WHERE order_id = @orderId ORDER BY id DESC LIMIT 1";

    private static DeliveryRoute Route((string Channel, string? To, string? MessageId, string? References, string? Subject)? row, Func<string?> latestChannel)
    {
        if (row is { } r)
        {
            return new DeliveryRoute(StoredText.Channel(r.Channel), r.To is null ? null : new MailThread(r.To, r.MessageId, r.References ?? string.Empty, r.Subject));
        }

        var latest = latestChannel();
        return new DeliveryRoute(latest is null ? Rules.Model.Channel.Sftp : StoredText.Channel(latest));
    }
}

/// <summary>The <see cref="OriginStore"/> of a unit of work.</summary>
public static class OriginStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>Where each order's answers go.</summary>
        public OriginStore Origins => uow.Store(static u => new OriginStore(u));
    }
}
