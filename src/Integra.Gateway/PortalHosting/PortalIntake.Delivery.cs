namespace Integra.Gateway.PortalHosting;

/// <summary>The later answers of portal orders, put into the inboxes by the pipeline like every channel's.</summary>
public sealed partial class PortalIntake
{
    /// <summary>
    /// Delivers every answer waiting for the portal and API channels (all partners), on a pipeline of its own that it closes;
    /// returns how many files went in.
    /// </summary>
    public async Task<int> DeliverLaterAnswersAsync(CancellationToken cancellationToken)
    {
        using var pipeline = await pipelines.OpenAsync(cancellationToken);
        var portal = await pipeline.DeliverAsync(new PortalDelivery(pipeline.Store), partner: null, cancellationToken);
        return portal + await pipeline.DeliverAsync(new PortalDelivery(pipeline.Store, Rules.Model.Channel.Api), partner: null, cancellationToken);
    }
}
