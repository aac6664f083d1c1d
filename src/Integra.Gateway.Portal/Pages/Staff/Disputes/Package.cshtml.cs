using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Disputes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Staff.Disputes;

/// <summary>
/// The evidence package of an order (one ZIP); its SHA-256 goes into the audit trail at each download. A stored file
/// whose hash no longer matches stops the build: the page says which file (500), and nothing is downloaded.
/// </summary>
public sealed class PackageModel(IEvidencePackages packages, Auditor audit, ILogger<PackageModel> log) : PortalPageModel
{
    public string? Problem { get; private set; }

    public long Order { get; private set; }

    public async Task<IActionResult> OnGetAsync(long order)
    {
        Order = order;
        try
        {
            if (await packages.BuildAsync(order, HttpContext.RequestAborted) is not { } package)
            {
                return NotFound();
            }

            var (partner, pon) = Parts(package.Name);
            await audit.RecordAsync(HttpContext, SignedIn.Email, partner, DisputeAuditActions.PackageDownloaded, DisputeAuditActions.Target(pon), $"{package.Name} sha256 {package.Sha256}, {package.Content.Length} bytes");
            return File(package.Content, "application/zip", package.Name);
        }
        catch (EvidenceIntegrityException e)
        {
            log.LogError("EvidenceIntegrityFailed: {Problem}", e.Message);
            await audit.RecordAsync(HttpContext, SignedIn.Email, null, DisputeAuditActions.IntegrityFailed, $"order {order}", e.Message);
            Problem = $"The package was not built: {e.Message}.";
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }
    }

    // The package is named evidence-PARTNER-KIND-PON.zip; partner ids and kinds have no hyphen, a PON may.
    private static (string Partner, string Pon) Parts(string name)
    {
        var parts = name["evidence-".Length..^".zip".Length].Split('-', 3);
        return (parts[0], parts[2]);
    }
}
