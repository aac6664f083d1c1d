using Dapper;
using NodaTime;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Queries;

/// <summary>What the desk's pages read (issue 17): the orders awaiting review, and the SLA board's 30-day counts.</summary>
public sealed class DeskQueries(IUnitOfWork uow)
{
    /// <summary>An LSR order at PND X01 and when it went there.</summary>
    public sealed record PendingReviewOrder(StoredOrder Order, Instant Since);

    /// <summary>A partner's CSR requests received in a period and those decided within a day.</summary>
    public sealed record PartnerCsrAnswers(string Partner, long Received, long OnTime);

    /// <summary>Rejected versions of a partner with one set of reject codes (<c>R01;R20</c>).</summary>
    public sealed record RejectedVersions(string Partner, string Codes, long Count);

    /// <summary>LSR orders at PND X01, oldest first (few: the desk decides them within a day).</summary>
    public async Task<IReadOnlyList<PendingReviewOrder>> PendingReviewOrdersAsync(CancellationToken cancellationToken)
    {
        var pending = (await uow.Connection.QueryAsync<(long Id, string Since)>(uow.Command(
                "SELECT id, updated_at FROM orders WHERE state = @state ORDER BY updated_at, id",
                new { state = StoredText.Of(OrderState.PendingReview) },
                cancellationToken)).ConfigureAwait(false))
            .ToList();
        var orders = new List<PendingReviewOrder>(pending.Count);
        foreach (var (id, since) in pending)
        {
            if (await uow.Orders.FindOrderAsync(id, cancellationToken).ConfigureAwait(false) is { } order)
            {
                orders.Add(new PendingReviewOrder(order, StoreFormats.Instant(since)));
            }
        }

        return orders;
    }

    /// <summary>
    /// Per partner: CSR versions received at or after <paramref name="since"/> and of those the ones
    /// decided within a day, as <see cref="ReportQueries.CsrAnswersSince"/> counts them for all partners.
    /// </summary>
    public async Task<IReadOnlyList<PartnerCsrAnswers>> CsrAnswersByPartnerSinceAsync(Instant since, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Partner, long Received, long OnTime)>(uow.Command(
            $"""
            SELECT o.partner, COUNT(*), COALESCE(SUM(CASE WHEN {uow.Dialect.DaysBetween("v.decided_at", "v.received_at")} <= 1.0 THEN 1 ELSE 0 END), 0)
            FROM versions v JOIN orders o ON o.id = v.order_id
            WHERE o.kind = 'CSR' AND v.received_at >= @since
            GROUP BY o.partner ORDER BY o.partner
            """,
            new { since = StoreFormats.Text(since) },
            cancellationToken)).ConfigureAwait(false))
            .Select(r => new PartnerCsrAnswers(r.Partner, r.Received, r.OnTime)).ToList();

    /// <summary>Versions received at or after <paramref name="since"/> and answered with REJ, per partner and codes.</summary>
    public async Task<IReadOnlyList<RejectedVersions>> RejectedVersionsSinceAsync(Instant since, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Partner, string Codes, long Count)>(uow.Command(
            """
            SELECT o.partner, v.codes, COUNT(*)
            FROM versions v JOIN orders o ON o.id = v.order_id
            WHERE v.outcome = @outcome AND v.received_at >= @since
            GROUP BY o.partner, v.codes
            """,
            new { since = StoreFormats.Text(since), outcome = StoredText.Of(Responses.ResponseType.Reject) },
            cancellationToken)).ConfigureAwait(false))
            .Select(r => new RejectedVersions(r.Partner, r.Codes, r.Count)).ToList();
}

/// <summary>The <see cref="DeskQueries"/> of a unit of work.</summary>
public static class DeskQueriesAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>What the desk's pages read.</summary>
        public DeskQueries Desk => uow.Store(static u => new DeskQueries(u));
    }
}
