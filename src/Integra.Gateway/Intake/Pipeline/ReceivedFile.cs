using Integra.Gateway.Delivery;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Intake.Pipeline;

/// <summary>
/// One request file as a transport hands it to the <see cref="IntakePipeline"/>: everything the decision needs is
/// already here, fetched by the transport, so the pipeline does no I/O with the partner while it holds the store.
/// </summary>
/// <param name="Partner">Who sent it (from the drop or the sender address, never from the content).</param>
/// <param name="Channel">How it came.</param>
/// <param name="Name">The file name as the partner gave it (a plain name).</param>
/// <param name="Content">Its bytes, positioned at the start; owned by the transport.</param>
/// <param name="Sha256">Hash of the content (lower-case hex), the ledger's identity of this upload.</param>
/// <param name="Received">SPEC §1 received time: first listing, IMAP INTERNALDATE, or the portal's clock.</param>
/// <param name="Documents">The LOA documents its rows name, as delivered with it.</param>
/// <param name="Thread">For mail: the message that later answers to its orders reply to.</param>
public sealed record ReceivedFile(
    Partner Partner,
    Channel Channel,
    string Name,
    Stream Content,
    string Sha256,
    Instant Received,
    IReadOnlyList<LoaDocument> Documents,
    MailThread? Thread = null)
{
    /// <summary>The file's trace from its listing to its delivery (drops start it when they take the file), or null.</summary>
    public Operations.FileTrace? Trace { get; init; }
}
