using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Portal.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The reads of SPEC §8 over the portal's own views: orders (VIEW, the portal's filters and keyset paging), one order
/// (another partner's is 404, as in the portal), and the answers since a cursor (a feed to poll instead of webhooks).
/// </summary>
public static class ApiReads
{
    /// <summary>The largest page of orders or answers.</summary>
    public const int MaxPage = 200;

    public static RouteGroupBuilder MapReads(this RouteGroupBuilder api)
    {
        api.MapGet("/orders", ListOrders)
            .WithName("ListOrders")
            .WithSummary("The partner's orders, newest first, filtered as in the portal, one page per cursor")
            .Produces<OrderList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/orders/{id:long}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("An order with its versions, answers, TN status, history and response files")
            .Produces<OrderDetailJson>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/answers", Feed)
            .WithName("ListAnswers")
            .WithSummary("The partner's answers after a cursor, oldest first (a feed to poll)")
            .Produces<AnswerFeed>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> ListOrders(
        HttpContext http,
        IOrderViews orders,
        [FromQuery] string? state,
        [FromQuery] string? pon,
        [FromQuery] string? tn,
        [FromQuery] DateOnly? from,
        [FromQuery] DateOnly? to,
        [FromQuery] string? cursor,
        [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http.User)!;
        if (caller.Scope is not { } scope)
        {
            return TypedResults.Problem(ApiProblems.Forbidden("Reading orders needs the VIEW privilege."));
        }

        var parsed = ApiOrderMapping.ParseState(state);
        if ((state is { Length: > 0 } && parsed is null) || limit is < 1 or > MaxPage)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The filter is not one this list takes.",
                Detail = $"state is one of {string.Join(", ", Enum.GetValues<Rules.Model.OrderState>().Select(ApiOrderMapping.State))}; limit is 1 to {MaxPage}.",
            });
        }

        var filter = new OrderFilter(parsed, Blank(pon), Blank(tn), Date(from), Date(to));
        var page = await orders.ListAsync(scope, filter, cursor, limit ?? 50, cancellationToken);
        return TypedResults.Ok(new OrderList(page.Orders.Select(ApiOrderMapping.Of).ToList(), page.Next));
    }

    private static async Task<IResult> GetOrder(HttpContext http, IOrderViews orders, long id, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http.User)!;
        if (caller.Scope is not { } scope)
        {
            return TypedResults.Problem(ApiProblems.Forbidden("Reading orders needs the VIEW privilege."));
        }

        return await orders.FindAsync(scope, id, cancellationToken) is { } order
            ? TypedResults.Ok(ApiOrderMapping.Of(order))
            : TypedResults.Problem(ApiProblems.NotFound($"There is no order {id} of yours."));
    }

    private static async Task<IResult> Feed(HttpContext http, IApiStore store, [FromQuery] long? after, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http.User)!;
        if (after is < 0 || limit is < 1 or > MaxPage)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The cursor is not one this feed takes.",
                Detail = $"after is the next of the previous page (0 for the start); limit is 1 to {MaxPage}.",
            });
        }

        // A key without VIEW reads the answers to its own requests, as a portal user with CSR or LSR alone (SPEC §7).
        var entries = await store.FeedAsync(caller.Partner, after ?? 0, limit ?? 50, caller.OwnAnswersOnly, cancellationToken);
        var answers = entries.Select(e => new SubmissionAnswer(e.Id, e.FileName, e.DeliveredAt, e.Rows.Select(ResponseRowJson.FromCells).ToList())).ToList();
        return TypedResults.Ok(new AnswerFeed(answers, answers.Count > 0 ? answers[^1].Id : after ?? 0));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static LocalDate? Date(DateOnly? date) => date is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
}
