using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Storage;

/// <summary>
/// The one mapping between the gateway's vocabularies and the text the store keeps for them. Every table that
/// holds a channel holds this text, so a query, a report and a ledger key never spell one channel two ways.
/// </summary>
public static class StoredText
{
    public static string Of(Channel channel) => channel switch
    {
        Rules.Model.Channel.Sftp => "sftp",
        Rules.Model.Channel.Email => "email",
        Rules.Model.Channel.Local => "local",
        Rules.Model.Channel.Portal => "portal",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "unknown channel"),
    };

    /// <exception cref="FormatException">The text is not a channel this gateway ever stored.</exception>
    public static Channel Channel(string text) => text.ToLowerInvariant() switch
    {
        "sftp" => Rules.Model.Channel.Sftp,
        "email" => Rules.Model.Channel.Email,
        "local" => Rules.Model.Channel.Local,
        "portal" => Rules.Model.Channel.Portal,
        _ => throw new FormatException($"'{text}' is not a stored channel"),
    };

    public static string Of(IntakeState state) => state.ToString();

    public static IntakeState IntakeState(string text) => Enum.Parse<IntakeState>(text);

    public static string Of(OrderState state) => state.ToString();

    public static OrderState OrderState(string text) => Enum.Parse<OrderState>(text);
}
