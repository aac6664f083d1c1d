using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests;

/// <summary>
/// The text each vocabulary is stored as, written out: existing databases (SQLite and PostgreSQL) and the response
/// files partners receive hold exactly these spellings, so a renamed or added member must not change one silently.
/// </summary>
public sealed class StoredTextTests
{
    public static TheoryData<Channel, string> Channels => new()
    {
        { Channel.Sftp, "sftp" }, { Channel.Email, "email" }, { Channel.Local, "local" }, { Channel.Portal, "portal" }, { Channel.Api, "api" },
    };

    public static TheoryData<ResponseType, string> ResponseTypes => new()
    {
        { ResponseType.Foc, "FOC" }, { ResponseType.Reject, "REJ" }, { ResponseType.Pending, "PND" }, { ResponseType.Cancel, "CAN" }, { ResponseType.Csr, "CSR" },
    };

    public static TheoryData<IntakeState, string> IntakeStates => new()
    {
        { IntakeState.Seen, "Seen" }, { IntakeState.Answered, "Answered" }, { IntakeState.Archived, "Archived" },
    };

    public static TheoryData<MailState, string> MailStates => new()
    {
        { MailState.Replying, "Replying" }, { MailState.Replied, "Replied" }, { MailState.Done, "Done" },
    };

    public static TheoryData<OrderState, string> OrderStates => new()
    {
        { OrderState.Received, "Received" }, { OrderState.Rejected, "Rejected" }, { OrderState.PendingReview, "PendingReview" },
        { OrderState.Foc, "Foc" }, { OrderState.Canceled, "Canceled" }, { OrderState.Expired, "Expired" },
        { OrderState.Complete, "Complete" }, { OrderState.Closed, "Closed" },
    };

    public static TheoryData<OrderTnStatus, string> TnStatuses => new()
    {
        { OrderTnStatus.Pending, "PENDING" }, { OrderTnStatus.Open, "OPEN" }, { OrderTnStatus.Activated, "ACTIVATED" }, { OrderTnStatus.Canceled, "CANCELED" },
    };

    public static TheoryData<OutboxKind, string> OutboxKinds => new()
    {
        { OutboxKind.Response, "RESPONSE" }, { OutboxKind.Npac, "NPAC" },
    };

    public static TheoryData<OrderKind, string> OrderKinds => new()
    {
        { OrderKind.Lsr, "LSR" }, { OrderKind.Csr, "CSR" },
    };

    public static TheoryData<ActivationOutcome, string> ActivationOutcomes => new()
    {
        { ActivationOutcome.Matched, "MATCHED" }, { ActivationOutcome.Unmatched, "UNMATCHED" }, { ActivationOutcome.AfterCancel, "AFTER_CANCEL" },
    };

    public static TheoryData<Lna, string> LnaCodes => new()
    {
        { Lna.Port, "P" }, { Lna.Disconnect, "D" }, { Lna.Remains, "R" },
    };

    [Theory]
    [MemberData(nameof(Channels))]
    public void A_channel_is_stored_as_its_lower_case_name(Channel channel, string text)
    {
        Assert.Equal(text, StoredText.Of(channel));
        Assert.Equal(channel, StoredText.Channel(text));
        Assert.Equal(channel, StoredText.Channel(text.ToUpperInvariant()));
    }

    [Theory]
    [MemberData(nameof(ResponseTypes))]
    public void A_response_type_is_stored_and_sent_as_its_resptyp(ResponseType type, string text) =>
        Assert.Equal((text, type), (StoredText.Of(type), StoredText.ResponseType(text)));

    [Theory]
    [MemberData(nameof(IntakeStates))]
    public void An_intake_state_round_trips(IntakeState state, string text) =>
        Assert.Equal((text, state), (StoredText.Of(state), StoredText.IntakeState(text)));

    [Theory]
    [MemberData(nameof(MailStates))]
    public void A_mail_state_round_trips(MailState state, string text) =>
        Assert.Equal((text, state), (StoredText.Of(state), StoredText.MailState(text)));

    [Theory]
    [MemberData(nameof(OrderStates))]
    public void An_order_state_round_trips(OrderState state, string text) =>
        Assert.Equal((text, state), (StoredText.Of(state), StoredText.OrderState(text)));

    [Theory]
    [MemberData(nameof(TnStatuses))]
    public void A_tn_status_round_trips(OrderTnStatus status, string text) =>
        Assert.Equal((text, status), (StoredText.Of(status), StoredText.OrderTnStatus(text)));

    [Theory]
    [MemberData(nameof(OutboxKinds))]
    public void An_outbox_kind_round_trips(OutboxKind kind, string text) =>
        Assert.Equal((text, kind), (StoredText.Of(kind), StoredText.OutboxKind(text)));

    [Theory]
    [MemberData(nameof(OrderKinds))]
    public void An_order_kind_round_trips(OrderKind kind, string text) =>
        Assert.Equal((text, kind), (StoredText.Of(kind), StoredText.OrderKind(text)));

    [Theory]
    [MemberData(nameof(ActivationOutcomes))]
    public void An_activation_outcome_round_trips(ActivationOutcome outcome, string text) =>
        Assert.Equal((text, outcome), (StoredText.Of(outcome), StoredText.ActivationOutcome(text)));

    [Theory]
    [MemberData(nameof(LnaCodes))]
    public void An_lna_is_stored_and_sent_as_its_code(Lna lna, string text) =>
        Assert.Equal((text, lna), (StoredText.Of(lna), StoredText.Lna(text)));

    [Fact]
    public void Every_member_of_every_vocabulary_has_its_expected_text_listed_here()
    {
        // A member added without a row above fails here, not in a partner's file.
        Assert.Equal(Enum.GetValues<Channel>().Order(), Channels.Select(r => (Channel)r[0]).Order());
        Assert.Equal(Enum.GetValues<ResponseType>().Order(), ResponseTypes.Select(r => (ResponseType)r[0]).Order());
        Assert.Equal(Enum.GetValues<IntakeState>().Order(), IntakeStates.Select(r => (IntakeState)r[0]).Order());
        Assert.Equal(Enum.GetValues<MailState>().Order(), MailStates.Select(r => (MailState)r[0]).Order());
        Assert.Equal(Enum.GetValues<OrderState>().Order(), OrderStates.Select(r => (OrderState)r[0]).Order());
        Assert.Equal(Enum.GetValues<OrderTnStatus>().Order(), TnStatuses.Select(r => (OrderTnStatus)r[0]).Order());
        Assert.Equal(Enum.GetValues<OutboxKind>().Order(), OutboxKinds.Select(r => (OutboxKind)r[0]).Order());
        Assert.Equal(Enum.GetValues<OrderKind>().Order(), OrderKinds.Select(r => (OrderKind)r[0]).Order());
        Assert.Equal(Enum.GetValues<ActivationOutcome>().Order(), ActivationOutcomes.Select(r => (ActivationOutcome)r[0]).Order());
        Assert.Equal(Enum.GetValues<Lna>().Order(), LnaCodes.Select(r => (Lna)r[0]).Order());
    }

    [Fact]
    public void Text_no_vocabulary_ever_stored_is_refused_with_its_value_named()
    {
        var refused = Assert.Throws<FormatException>(() => StoredText.OrderTnStatus("Activated"));
        Assert.Contains("'Activated'", refused.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => StoredText.ResponseType("rej"));
        Assert.Throws<FormatException>(() => StoredText.OrderState("FOC"));
        Assert.Throws<FormatException>(() => StoredText.OrderKind("lsr"));
        Assert.Throws<FormatException>(() => StoredText.Lna("X"));
    }

    [Fact]
    public void The_open_upload_query_repeats_the_archived_state_of_its_partial_index_as_stored() =>
        Assert.Contains($"state <> '{StoredText.Of(IntakeState.Archived)}'", IntakeLedger.OpenUploadQuery, StringComparison.Ordinal);
}
