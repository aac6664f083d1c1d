using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Drops;

/// <summary>
/// A drop's way back: a waiting answer is written into the partner's outbound folder under its own name, numbered
/// when that name was given before (<see cref="OutboundNames"/>); delivered again after a crash, under the same one.
/// </summary>
public sealed class DropDelivery(IDropFolder folder, Channel channel, OutboundNames names) : IDeliveryTransport
{
    public Channel Channel => channel;

    public string Location => folder.Location;

    public Task DeliverAsync(OutboxFile file, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken) =>
        WriteAsync(file, rows, cancellationToken);

    private async Task WriteAsync(OutboxFile file, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken) =>
        await folder.WriteResponseAsync(await names.NameAsync(file, cancellationToken), rows, cancellationToken);
}
