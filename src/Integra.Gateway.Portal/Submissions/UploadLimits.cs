using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Submissions;

/// <summary>
/// The upload limits in the words the forms use, before (beside each file field) and after (the field error, the 413
/// page): a request file and an LOA each have the gateway's own limit (SPEC §2), and a post larger than both together
/// is refused before a byte of it is read.
/// </summary>
public static class UploadLimits
{
    private const double Mebibyte = 1024 * 1024;

    /// <summary>A size as the forms write it: "10 MiB", "10.25 MiB".</summary>
    public static string Size(long bytes) => (bytes / Mebibyte).ToString("0.##", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>What an LOA may be, for the hint beside its field.</summary>
    public static string LoaHint(IPortalIntake intake) => $"PDF, TIFF, PNG or JPEG, at most {Size(intake.MaxLoaBytes)}";

    /// <summary>The field error for an LOA over its limit; the form keeps everything else that was typed.</summary>
    public static string LoaTooLarge(IPortalIntake intake, UploadedFile loa) =>
        $"The LOA {loa.Name} is larger than {Size(intake.MaxLoaBytes)}, the most the portal takes for an LOA. "
        + "Scan it at a lower resolution or save it as a PDF, choose it again and submit again.";

    /// <summary>What the 413 page says: both limits, and what to do.</summary>
    public static string TooLarge(IPortalIntake intake) =>
        $"The upload is larger than the portal takes: a request file of at most {Size(intake.MaxFileBytes)} and an LOA of at most "
        + $"{Size(intake.MaxLoaBytes)}. Split the batch into smaller files, or scan the LOA at a lower resolution, and send it again.";

    /// <summary>
    /// Answers 413 (the portal's page for it) to a request that announces a body over <paramref name="maxBytes"/>,
    /// without reading it: the anti-forgery check would otherwise trip over Kestrel's limit and answer a bare 400.
    /// </summary>
    public static IApplicationBuilder UseUploadLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use((context, next) =>
        {
            // The portal's 413 page is this request again (status-code re-execution): it must get through.
            if (context.Request.ContentLength > maxBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
