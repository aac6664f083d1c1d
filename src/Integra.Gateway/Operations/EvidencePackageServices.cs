using Integra.Gateway.Configuration;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.Processing;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Evidence;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>Registration of the gateway's side of authorization disputes: the evidence store and the package builder.</summary>
public static class EvidencePackageServices
{
    /// <summary>
    /// <see cref="DisputeServices"/> for the portal: the evidence store on <c>Gateway:Database</c>, the package builder
    /// (its documents in <c>Disputes:EvidenceFolder</c> when set) over the order store and the tracking views (<see cref="IOrderViews"/>, registered by the caller), the desk's zone
    /// (<c>Operations:TimeZone</c>) and the LOA size limit for documents.
    /// </summary>
    public static IServiceCollection AddEvidenceDisputes<TOrderViews>(this IServiceCollection services)
        where TOrderViews : class, IOrderViews
    {
        services.AddOptions<DisputesSettings>().BindConfiguration("Disputes");
        return services
            .AddSingleton(sp => new PortalEvidence(sp.GetRequiredService<UnitOfWorkFactory>(), sp.GetRequiredService<IOptions<DisputesSettings>>().Value))
            .AddSingleton(sp => new EvidencePackageBuilder(sp.GetRequiredService<UnitOfWorkFactory>(), sp.GetRequiredService<TOrderViews>(), sp.GetRequiredService<PortalEvidence>().Folder))
            .AddSingleton(sp => new DisputeServices(
                sp.GetRequiredService<PortalEvidence>(),
                sp.GetRequiredService<EvidencePackageBuilder>(),
                DeskZone(sp.GetService<IOptions<OperationsSettings>>()?.Value ?? new OperationsSettings()),
                LoaDocument.MaxBytes));
    }

    /// <summary>The desk's zone; an unknown id was refused by the settings check at start, so the default is only a fallback.</summary>
    public static DateTimeZone DeskZone(OperationsSettings settings) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZone) ?? DateTimeZoneProviders.Tzdb["America/Denver"];
}
