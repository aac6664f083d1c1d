using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// L14: since 2011-04-01 emailed requests are accepted only for Montana. The account's state decides, not the
/// STATE the partner claims.
/// </summary>
internal static class EmailChannel
{
    public static bool Accepts(Receipt receipt, string state, PolicyOptions options, Func<NodaTime.Instant, NodaTime.LocalDate> localDate) =>
        receipt.Channel != Channel.Email
        || localDate(receipt.Received) < options.EmailRestrictedSince
        || options.EmailStates.Contains(state, StringComparer.OrdinalIgnoreCase);

    public static RuleError Reject(string state, PolicyOptions options) => new(
        "L14",
        RejectCodes.EmailNotAccepted,
        Field.State.Name(),
        $"Requests for service in {(state.Length == 0 ? "an unknown state" : state)} are not accepted by email; only {string.Join(", ", options.EmailStates)} may email. Send it through the SFTP drop.");

    public static void Check(LsrContext ctx)
    {
        if (!Accepts(ctx.Receipt, ctx.State, ctx.Options, _ => ctx.ReceivedLocal.Date))
        {
            ctx.Errors.Add(Reject(ctx.State, ctx.Options));
        }
    }
}
