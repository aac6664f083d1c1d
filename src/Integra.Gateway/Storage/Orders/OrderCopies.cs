using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Orders;

/// <summary>
/// The orders aggregate's rows that may go by binary COPY on PostgreSQL (<see cref="CopyTarget"/>): rows new in the
/// unit of work, which no earlier waiting write can touch. Ordered parents first: an order before its versions, TNs
/// and events.
/// </summary>
internal static class OrderCopies
{
    /// <summary>A new order as <see cref="OrderStore.CreateOrderAsync"/> inserts it, when no change follows before the flush.</summary>
    public static readonly CopyTarget NewOrder = new("orders", ["id", "partner", "kind", "ccna", "pon", "state", "an", "service_state", "zone", "nnsp", "created_at", "updated_at"], 0);

    /// <summary>A new order with the values of its first change (<see cref="OrderStore.UpdateOrderAsync"/>).</summary>
    public static readonly CopyTarget Order = new(
        "orders",
        ["id", "partner", "kind", "ccna", "pon", "lsrno", "state", "an", "service_state", "zone", "nnsp", "foc_date", "foc_ver", "pending_ver",
            "requested_date", "standard_date", "due_date_sups", "accepted_ddd", "simple", "created_at", "updated_at"],
        0);

    public static readonly CopyTarget Version = new(
        "versions",
        ["id", "order_id", "ver", "sup", "content_hash", "channel", "file_name", "received_at", "decided_at", "outcome", "rule_id", "codes", "response", "evidence"],
        1);

    /// <summary>A new order's first TNs (<see cref="OrderStore.ReplaceTnsAsync"/>); a replacement's rows wait behind its DELETE as statements.</summary>
    public static readonly CopyTarget Tns = new("order_tns", ["order_id", "tn", "lna", "status", "seq"], 2);

    /// <summary>Every event of the store's writes, so that an order's events keep their order among themselves.</summary>
    public static readonly CopyTarget Event = new("order_events", ["order_id", "at", "state", "cause", "detail"], 3);
}
