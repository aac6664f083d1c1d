using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Portal.Tracking;

/// <summary>
/// How every page of the portal names the gateway's vocabularies (order states, TN dispositions, answer types, channels,
/// partner types): in the words of SPEC §5, for people. The one place they are mapped: no page shows an enum's name.
/// </summary>
public static class OrderText
{
    /// <summary>The states a partner can filter by, in the order an order goes through them.</summary>
    public static IReadOnlyList<OrderState> States { get; } = Enum.GetValues<OrderState>();

    public static string State(OrderState state) => state switch
    {
        OrderState.Received => "received",
        OrderState.Rejected => "rejected",
        OrderState.PendingReview => "pending expedite review (PND)",
        OrderState.Foc => "FOC",
        OrderState.Canceled => "canceled",
        OrderState.Expired => "expired",
        OrderState.Complete => "complete",
        OrderState.Closed => "closed",
        _ => state.ToString(),
    };

    public static string Lna(Lna lna) => lna switch
    {
        Rules.Model.Lna.Port => "P (port)",
        Rules.Model.Lna.Disconnect => "D (disconnect)",
        Rules.Model.Lna.Remains => "R (remains with Integra)",
        _ => lna.ToString(),
    };

    public static string Tn(TnStatus status) => status switch
    {
        TnStatus.Pending => "pending review",
        TnStatus.Open => "open (not yet ported)",
        TnStatus.Activated => "ACTIVATED",
        TnStatus.Canceled => "canceled",
        _ => status.ToString(),
    };

    /// <summary>The RESPTYP of the answer, as in the response file.</summary>
    public static string Answer(AnswerType type) => type switch
    {
        AnswerType.Foc => "FOC",
        AnswerType.Reject => "REJ",
        AnswerType.Pending => "PND",
        AnswerType.Cancel => "CAN",
        AnswerType.Csr => "CSR",
        _ => type.ToString(),
    };

    public static string Channel(Channel? channel) => channel switch
    {
        Rules.Model.Channel.Sftp => "SFTP",
        Rules.Model.Channel.Email => "e-mail",
        Rules.Model.Channel.Local => "local drop",
        Rules.Model.Channel.Portal => "portal",
        Rules.Model.Channel.Api => "API",
        _ => "-",
    };

    /// <summary>The partner's TYPE as partners.csv and the Trading Partner Profile write it.</summary>
    public static string PartnerType(Rules.Reference.PartnerType type) => type switch
    {
        Rules.Reference.PartnerType.Ilec => "ILEC",
        Rules.Reference.PartnerType.Clec => "CLEC",
        Rules.Reference.PartnerType.Wireless => "wireless",
        Rules.Reference.PartnerType.Voip => "VoIP",
        Rules.Reference.PartnerType.SharedTenant => "shared tenant",
        Rules.Reference.PartnerType.Agent => "agent",
        _ => type.ToString(),
    };

    public static string Time(NodaTime.Instant instant) => instant.ToString("uuuu-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(NodaTime.LocalDate? date) => date is { } d ? d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
