using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Operations;

/// <summary>
/// Everything the store knows of orders: "where is PON X?" (or file X, or TN X) for the ordering desk. The shape of
/// <c>show --json</c> and the audit export: values in their stored spelling (<see cref="StoredText"/>, UTC instants as ISO text).
/// </summary>
public sealed record PonHistory(IReadOnlyList<PonHistory.Order> Orders)
{
    public sealed record Order(
        string Partner, string Kind, string Ccna, string Pon, string? LsrNo, string State, string An, string Zone, string Nnsp,
        string? FocDate, IReadOnlyList<Version> Versions, IReadOnlyList<Transition> Events, IReadOnlyList<Tn> Tns, IReadOnlyList<Activation> Activations);

    /// <summary>A version as received and decided; Response and Evidence are JSON text, nested as JSON in <c>show --json</c>; Evidence holds the authorization fields it carried (AGAUTH, AUTHNM, DATED, D/TSENT, INITTEL, LOA).</summary>
    public sealed record Version(long Id, string Ver, string Sup, string Channel, string File, string ReceivedAt, string DecidedAt, string Outcome, string RuleId, string Codes,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(EmbeddedJsonConverter))] string Response,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(EmbeddedJsonConverter))] string Evidence);

    public sealed record Transition(string At, string State, string Cause, string Detail);

    public sealed record Tn(string Number, string Lna, string Status);

    public sealed record Activation(string Tn, string Spid, string ActivatedAt, string ImportedAt);

    public static PonHistory Read(IUnitOfWork store, string pon, string? partner) =>
        Read(store, store.History.HistoryOrdersOfPon(pon, partner));

    /// <summary>The orders that have a version received in a file named <paramref name="fileName"/> (its name, without folder).</summary>
    /// <remarks>Reads every version's file name: an operations look-up, not for the intake path.</remarks>
    public static PonHistory ReadFile(IUnitOfWork store, string fileName, string? partner) =>
        Read(store, store.History.HistoryOrdersOfFile(fileName, partner));

    /// <summary>The orders with the telephone number <paramref name="tn"/> (10 digits) among their TNs.</summary>
    public static PonHistory ReadTn(IUnitOfWork store, string tn, string? partner) =>
        Read(store, store.History.HistoryOrdersOfTn(tn, partner));

    private static PonHistory Read(IUnitOfWork store, IReadOnlyList<HistoryQueries.HistoryOrder> orders) =>
        new(orders.Select(o => new Order(
            o.Partner, StoredText.Of(o.Kind), o.Ccna, o.Pon, o.LsrNo, StoredText.Of(o.State), o.An, o.Zone, o.Nnsp, StoreFormats.Text(o.FocDate),
            store.History.HistoryVersions(o.Id).Select(v => new Version(
                v.Id, v.Ver, v.Sup, StoredText.Of(v.Channel), v.File, StoreFormats.Text(v.ReceivedAt), StoreFormats.Text(v.DecidedAt), StoredText.Of(v.Outcome),
                v.RuleId, v.Codes, v.Response, v.Evidence)).ToList(),
            store.History.HistoryEvents(o.Id).Select(e => new Transition(StoreFormats.Text(e.At), StoredText.Of(e.State), e.Cause, e.Detail)).ToList(),
            store.History.HistoryTns(o.Id).Select(t => new Tn(t.Number, StoredText.Of(t.Lna), StoredText.Of(t.Status))).ToList(),
            store.History.HistoryActivations(o.Id).Select(a => new Activation(a.Tn, a.Spid, StoreFormats.Text(a.ActivatedAt), StoreFormats.Text(a.ImportedAt))).ToList()))
            .ToList());
}
