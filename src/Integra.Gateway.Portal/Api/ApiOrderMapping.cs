using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The portal's tracking views as the API's JSON. The words are written out here, as the store and SPEC §5 spell
/// them, rather than taken from member names: renaming a member must not change what partners' systems parse.
/// </summary>
public static class ApiOrderMapping
{
    public static OrderJson Of(OrderSummary o) =>
        new(o.Id, o.Kind, o.Ccna, o.Pon, o.LsrNo, State(o.State), o.LatestVer, o.Channel is { } c ? Channel(c) : null, Date(o.FocDate), Date(o.RequestedDate), Time(o.FiledAt), Time(o.UpdatedAt));

    public static OrderDetailJson Of(OrderDetail d) =>
        new(
            Of(d.Order),
            d.An,
            d.Nnsp,
            Date(d.StandardDate),
            Date(d.AcceptedDdd),
            d.Versions.Select(v => new OrderVersionJson(
                v.Ver,
                v.Sup,
                Channel(v.Channel),
                v.FileName,
                Time(v.ReceivedAt),
                Time(v.DecidedAt),
                OrderText.Answer(v.Outcome),
                v.Codes,
                v.Answer.Select(a => new AnswerLineJson(OrderText.Answer(a.Type), a.Tn, a.Lna, a.Dd, a.Code, a.Field, a.Message, a.Contact)).ToList())).ToList(),
            d.Tns.Select(t => new OrderTnJson(t.Tn, Lna(t.Lna), Status(t.Status), t.ActivatedAt is { } at ? Time(at) : null)).ToList(),
            d.History.Select(e => new OrderEventJson(Time(e.At), State(e.State), e.Cause, e.Detail)).ToList(),
            d.Files.Select(f => new ResponseFileJson(f.Id, f.Name, f.Channel is { } c ? Channel(c) : null, f.RequestFile, Time(f.At))).ToList());

    /// <summary>A state as the filter of <c>GET /api/v1/orders</c> takes it; null for a word that is none.</summary>
    public static OrderState? ParseState(string? text) =>
        Enum.GetValues<OrderState>().Select(s => (OrderState?)s).FirstOrDefault(s => string.Equals(State(s!.Value), text, StringComparison.OrdinalIgnoreCase));

    public static string State(OrderState state) => state switch
    {
        OrderState.Received => "Received",
        OrderState.Rejected => "Rejected",
        OrderState.PendingReview => "PendingReview",
        OrderState.Foc => "Foc",
        OrderState.Canceled => "Canceled",
        OrderState.Expired => "Expired",
        OrderState.Complete => "Complete",
        OrderState.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a state without an API word"),
    };

    public static string Channel(Channel channel) => channel switch
    {
        Rules.Model.Channel.Sftp => "sftp",
        Rules.Model.Channel.Email => "email",
        Rules.Model.Channel.Local => "local",
        Rules.Model.Channel.Portal => "portal",
        Rules.Model.Channel.Api => "api",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "a channel without an API word"),
    };

    private static string Lna(Lna lna) => lna switch
    {
        Rules.Model.Lna.Port => "P",
        Rules.Model.Lna.Disconnect => "D",
        Rules.Model.Lna.Remains => "R",
        _ => throw new ArgumentOutOfRangeException(nameof(lna), lna, "an LNA without a letter"),
    };

    private static string Status(TnStatus status) => status switch
    {
        TnStatus.Pending => "PENDING",
        TnStatus.Open => "OPEN",
        TnStatus.Activated => "ACTIVATED",
        TnStatus.Canceled => "CANCELED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a TN status without an API word"),
    };

    private static DateTimeOffset Time(Instant instant) => instant.ToDateTimeOffset();

    private static DateOnly? Date(LocalDate? date) => date is { } d ? DateOnly.FromDateTime(d.ToDateTimeUnspecified()) : null;
}
