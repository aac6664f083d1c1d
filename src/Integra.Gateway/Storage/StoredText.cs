using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Storage;

/// <summary>
/// The one mapping between the gateway's vocabularies and the text the store and the response files keep for them.
/// Every table that holds a channel, a state or a kind holds this text, so a query, a report and a ledger key never
/// spell one value two ways. The spellings are written out here rather than taken from member names: renaming a member
/// must not change what existing databases hold or what partners receive.
/// </summary>
public static class StoredText
{
    private static readonly Vocabulary<Channel> Channels = new(
        (Rules.Model.Channel.Sftp, "sftp"),
        (Rules.Model.Channel.Email, "email"),
        (Rules.Model.Channel.Local, "local"),
        (Rules.Model.Channel.Portal, "portal"),
        (Rules.Model.Channel.Api, "api"));

    private static readonly Vocabulary<ResponseType> ResponseTypes = new(
        (Responses.ResponseType.Foc, "FOC"),
        (Responses.ResponseType.Reject, "REJ"),
        (Responses.ResponseType.Pending, "PND"),
        (Responses.ResponseType.Cancel, "CAN"),
        (Responses.ResponseType.Csr, "CSR"));

    private static readonly Vocabulary<IntakeState> IntakeStates = new(
        (Storage.IntakeState.Seen, "Seen"),
        (Storage.IntakeState.Answered, "Answered"),
        (Storage.IntakeState.Archived, "Archived"));

    private static readonly Vocabulary<MailState> MailStates = new(
        (Storage.MailState.Replying, "Replying"),
        (Storage.MailState.Replied, "Replied"),
        (Storage.MailState.Done, "Done"));

    private static readonly Vocabulary<OrderState> OrderStates = new(
        (Rules.Model.OrderState.Received, "Received"),
        (Rules.Model.OrderState.Rejected, "Rejected"),
        (Rules.Model.OrderState.PendingReview, "PendingReview"),
        (Rules.Model.OrderState.Foc, "Foc"),
        (Rules.Model.OrderState.Canceled, "Canceled"),
        (Rules.Model.OrderState.Expired, "Expired"),
        (Rules.Model.OrderState.Complete, "Complete"),
        (Rules.Model.OrderState.Closed, "Closed"));

    private static readonly Vocabulary<OrderTnStatus> TnStatuses = new(
        (Storage.OrderTnStatus.Pending, "PENDING"),
        (Storage.OrderTnStatus.Open, "OPEN"),
        (Storage.OrderTnStatus.Activated, "ACTIVATED"),
        (Storage.OrderTnStatus.Canceled, "CANCELED"));

    private static readonly Vocabulary<OrderKind> OrderKinds = new(
        (Storage.OrderKind.Lsr, "LSR"),
        (Storage.OrderKind.Csr, "CSR"));

    private static readonly Vocabulary<ActivationOutcome> ActivationOutcomes = new(
        (Storage.ActivationOutcome.Matched, "MATCHED"),
        (Storage.ActivationOutcome.Unmatched, "UNMATCHED"),
        (Storage.ActivationOutcome.AfterCancel, "AFTER_CANCEL"));

    // The LNA cell of a response row (SPEC §5) and order_tns.lna.
    private static readonly Vocabulary<Lna> LnaCodes = new(
        (Rules.Model.Lna.Port, "P"),
        (Rules.Model.Lna.Disconnect, "D"),
        (Rules.Model.Lna.Remains, "R"));

    private static readonly Vocabulary<OutboxKind> OutboxKinds = new(
        (Delivery.OutboxKind.Response, "RESPONSE"),
        (Delivery.OutboxKind.Npac, "NPAC"));

    public static string Of(Channel channel) => Channels.Text(channel);

    /// <summary>The channel stored as <paramref name="text"/>, in any letter case (older rows kept it upper-case).</summary>
    /// <exception cref="FormatException">The text is not a channel this gateway ever stored.</exception>
    public static Channel Channel(string text) => Channels.Parse(text.ToLowerInvariant());

    /// <summary>The RESPTYP cell of a response row (SPEC §5), also kept as a version's outcome.</summary>
    public static string Of(ResponseType type) => ResponseTypes.Text(type);

    /// <exception cref="FormatException">The text is not a response type of SPEC §5.</exception>
    public static ResponseType ResponseType(string text) => ResponseTypes.Parse(text);

    public static string Of(IntakeState state) => IntakeStates.Text(state);

    /// <exception cref="FormatException">The text is not an intake ledger state.</exception>
    public static IntakeState IntakeState(string text) => IntakeStates.Parse(text);

    public static string Of(MailState state) => MailStates.Text(state);

    /// <exception cref="FormatException">The text is not a mail ledger state.</exception>
    public static MailState MailState(string text) => MailStates.Parse(text);

    public static string Of(OrderState state) => OrderStates.Text(state);

    /// <exception cref="FormatException">The text is not an order state.</exception>
    public static OrderState OrderState(string text) => OrderStates.Parse(text);

    public static string Of(OrderTnStatus status) => TnStatuses.Text(status);

    /// <exception cref="FormatException">The text is not a TN status.</exception>
    public static OrderTnStatus OrderTnStatus(string text) => TnStatuses.Parse(text);

    public static string Of(OrderKind kind) => OrderKinds.Text(kind);

    /// <exception cref="FormatException">The text is not an order kind.</exception>
    public static OrderKind OrderKind(string text) => OrderKinds.Parse(text);

    public static string Of(ActivationOutcome outcome) => ActivationOutcomes.Text(outcome);

    /// <exception cref="FormatException">The text is not an activation import outcome.</exception>
    public static ActivationOutcome ActivationOutcome(string text) => ActivationOutcomes.Parse(text);

    /// <summary>The LNA code of a TN line: P (port), D (disconnect), R (remains).</summary>
    public static string Of(Lna lna) => LnaCodes.Text(lna);

    /// <exception cref="FormatException">The text is not an LNA code the gateway stores.</exception>
    public static Lna Lna(string text) => LnaCodes.Parse(text);

    public static string Of(OutboxKind kind) => OutboxKinds.Text(kind);

    /// <exception cref="FormatException">The text is not an outbox kind.</exception>
    public static OutboxKind OutboxKind(string text) => OutboxKinds.Parse(text);

    /// <summary>Both directions of one vocabulary; refuses (at start) a table that misses a member or repeats a text.</summary>
    private sealed class Vocabulary<T>
        where T : struct, Enum
    {
        private readonly Dictionary<T, string> _text = [];
        private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);

        public Vocabulary(params (T Value, string Text)[] entries)
        {
            foreach (var (value, text) in entries)
            {
                _text.Add(value, text);
                _values.Add(text, value);
            }

            var missing = Enum.GetValues<T>().Where(v => !_text.ContainsKey(v)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"{typeof(T).Name} has no stored text for {string.Join(", ", missing)}");
            }
        }

        public string Text(T value) =>
            _text.TryGetValue(value, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");

        public T Parse(string text) =>
            _values.TryGetValue(text, out var value) ? value : throw new FormatException($"'{text}' is not a stored {typeof(T).Name}");
    }
}
