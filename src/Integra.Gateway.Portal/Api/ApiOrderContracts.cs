using System.Text.Json.Serialization;

namespace Integra.Gateway.Portal.Api;

// Orders as the API reads them (SPEC §8 "Reads"): the portal's tracking views, in JSON. States, TN status and answer
// types are the words of the store and SPEC §5; instants are UTC, dates yyyy-MM-dd.

/// <summary>A page of orders, newest first; <see cref="Next"/> is the cursor of the next page, null on the last.</summary>
public sealed record OrderList(
    [property: JsonPropertyName("orders")] IReadOnlyList<OrderJson> Orders,
    [property: JsonPropertyName("next")] string? Next);

/// <summary>An order as listed.</summary>
public sealed record OrderJson(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("ccna")] string Ccna,
    [property: JsonPropertyName("pon")] string Pon,
    [property: JsonPropertyName("lsrno")] string? Lsrno,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("latestVer")] string? LatestVer,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("focDate")] DateOnly? FocDate,
    [property: JsonPropertyName("requestedDate")] DateOnly? RequestedDate,
    [property: JsonPropertyName("filedAt")] DateTimeOffset FiledAt,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt);

/// <summary>An order with its versions and their answers, its TNs, its history and its response files.</summary>
public sealed record OrderDetailJson(
    [property: JsonPropertyName("order")] OrderJson Order,
    [property: JsonPropertyName("an")] string An,
    [property: JsonPropertyName("nnsp")] string Nnsp,
    [property: JsonPropertyName("standardDate")] DateOnly? StandardDate,
    [property: JsonPropertyName("acceptedDdd")] DateOnly? AcceptedDdd,
    [property: JsonPropertyName("versions")] IReadOnlyList<OrderVersionJson> Versions,
    [property: JsonPropertyName("tns")] IReadOnlyList<OrderTnJson> Tns,
    [property: JsonPropertyName("history")] IReadOnlyList<OrderEventJson> History,
    [property: JsonPropertyName("files")] IReadOnlyList<ResponseFileJson> Files);

/// <summary>A version as received, and its current answer (a review replaces a PND).</summary>
public sealed record OrderVersionJson(
    [property: JsonPropertyName("ver")] string Ver,
    [property: JsonPropertyName("sup")] string Sup,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("fileName")] string FileName,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("decidedAt")] DateTimeOffset DecidedAt,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("codes")] string Codes,
    [property: JsonPropertyName("answer")] IReadOnlyList<AnswerLineJson> Answer);

/// <summary>One row of a version's answer.</summary>
public sealed record AnswerLineJson(
    [property: JsonPropertyName("resptyp")] string Resptyp,
    [property: JsonPropertyName("tn")] string Tn,
    [property: JsonPropertyName("lna")] string Lna,
    [property: JsonPropertyName("dd")] string Dd,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("contact")] string Contact);

/// <summary>A TN of the order: LNA (P, D, R) and status (PENDING, OPEN, ACTIVATED, CANCELED).</summary>
public sealed record OrderTnJson(
    [property: JsonPropertyName("tn")] string Tn,
    [property: JsonPropertyName("lna")] string Lna,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("activatedAt")] DateTimeOffset? ActivatedAt);

/// <summary>A change of the order's state and its cause.</summary>
public sealed record OrderEventJson(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("cause")] string Cause,
    [property: JsonPropertyName("detail")] string Detail);

/// <summary>A response file of the order; requestFile is null for a later answer (review, sweep, closure).</summary>
public sealed record ResponseFileJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("requestFile")] string? RequestFile,
    [property: JsonPropertyName("at")] DateTimeOffset At);
