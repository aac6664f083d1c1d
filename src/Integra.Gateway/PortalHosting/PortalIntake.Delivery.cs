namespace Integra.Gateway.PortalHosting;

/// <summary>The later answers of portal orders, put into the inboxes by the pipeline like every channel's.</summary>
public sealed partial class PortalIntake
{
    /// <summary>Delivers every answer waiting for the portal channel (all partners); returns how many files went in.</summary>
    public async Task<int> DeliverLaterAnswersAsync(CancellationToken cancellationToken)
    {
        using var rented = pipelines.Rent();
        var delivered = await rented.Pipeline.DeliverAsync(new PortalDelivery(rented.Store, clock), partner: null, cancellationToken);
        rented.Done();
        return delivered;
    }
}
