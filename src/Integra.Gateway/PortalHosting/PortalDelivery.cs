using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.PortalInbox;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// The portal's way back (SPEC §1 "Where answers go"): a waiting answer of an order that came through the portal (an
/// expedite review's FOC, the sweep's CAN, a closure) goes into the partner's portal inbox as the same
/// <c>.resp.csv</c> bytes the SFTP outbound folder would get. Keyed by the outbox file, so delivering it again after a
/// crash replaces the entry instead of adding a second one. The partner API's answers (SPEC §8) go into the same
/// inbox, where the API's answer feed reads them: one transport per channel, one place.
/// </summary>
public sealed class PortalDelivery(IUnitOfWork store, Channel channel = Channel.Portal) : IDeliveryTransport
{
    private readonly PortalInboxStore _inbox = store.PortalInbox;

    public Channel Channel => channel;

    public string Location => channel == Channel.Api ? "API answer feed" : "portal inbox";

    public async Task DeliverAsync(OutboxFile file, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken)
    {
        var transaction = await store.BeginAsync(cancellationToken);
        await using (transaction)
        {
            await _inbox.PutLaterAsync(file.Ids[0], file.Partner, file.FileName, ResponseWriter.Bytes(rows), rows.Select(r => r.Cells()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
