using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Delivery;

/// <summary>
/// A channel's way back to partners: the SFTP outbound folder, the local <c>out</c> folder, a reply mail, the portal
/// inbox. The <see cref="Intake.Pipeline.IntakePipeline"/> hands it each waiting file of its channel and marks the file
/// delivered only after this returns, so a delivery must be repeatable: the same file again replaces itself (same
/// name, same Message-ID), never adds a second answer.
/// </summary>
/// <remarks>Throws the transport's own I/O exceptions (<see cref="IOException"/>, SSH.NET's, MailKit's); the file
/// stays waiting and the next round delivers it.</remarks>
public interface IDeliveryTransport
{
    /// <summary>The channel whose waiting files this transport delivers.</summary>
    Channel Channel { get; }

    /// <summary>For logs: where it delivers (never credentials).</summary>
    string Location { get; }

    Task DeliverAsync(OutboxFile file, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken);
}
