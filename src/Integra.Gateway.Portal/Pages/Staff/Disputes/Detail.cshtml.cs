using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Disputes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Portal.Pages.Staff.Disputes;

/// <summary>
/// One evidence request for the desk: the partner's answers and documents, and the decisions: accept or reject with
/// a reason, extend the due date, reopen. A refused action comes back on the page in words (422).
/// </summary>
public sealed class DetailModel(IEvidenceStore store, EvidenceDesk desk, Auditor audit, ILogger<DetailModel> log) : PortalPageModel
{
    public EvidenceRequest? Evidence { get; private set; }

    public IReadOnlyList<EvidenceAnswer> Answers { get; private set; } = [];

    public Instant Now => desk.Now;

    /// <summary>The date the extend and reopen forms suggest: 3 business days from today.</summary>
    public LocalDate SuggestedDue => desk.DefaultDueDate();

    public string Zone => desk.DeskZoneId;

    [TempData]
    public string? DisputeMessage { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(long id, string? reason) => await DoneAsync(id, await desk.DecideAsync(HttpContext, SignedIn, id, accept: true, reason, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason) => await DoneAsync(id, await desk.DecideAsync(HttpContext, SignedIn, id, accept: false, reason, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostExtendAsync(long id, string? due) => RescheduleAsync(id, due, reopen: false);

    public Task<IActionResult> OnPostReopenAsync(long id, string? due) => RescheduleAsync(id, due, reopen: true);

    /// <summary>A document as the partner sent it, after its hash was checked; a mismatch is never served.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long file)
    {
        var cancellationToken = HttpContext.RequestAborted;
        try
        {
            if (await store.ReadFileAsync(null, file, cancellationToken) is not { } content || content.RequestId != id || await store.FindAsync(null, id, cancellationToken) is not { } request)
            {
                return NotFound();
            }

            await audit.RecordAsync(HttpContext, SignedIn.Email, request.Partner, DisputeAuditActions.FileRead, DisputeAuditActions.Target(request.Pon), $"request {id}, file {file} {content.Info.Name} sha256 {content.Info.Sha256}");
            return File(content.Content, content.Info.ContentType, content.Info.Name);
        }
        catch (EvidenceIntegrityException e)
        {
            log.LogError("EvidenceIntegrityFailed: {Problem}", e.Message);
            await audit.RecordAsync(HttpContext, SignedIn.Email, (await store.FindAsync(null, id, cancellationToken))?.Partner, DisputeAuditActions.IntegrityFailed, $"request {id}", e.Message);
            return StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private async Task<IActionResult> RescheduleAsync(long id, string? due, bool reopen)
    {
        LocalDate? date = null;
        if (!string.IsNullOrWhiteSpace(due))
        {
            var parsed = LocalDatePattern.Iso.Parse(due.Trim());
            if (!parsed.Success)
            {
                return await DoneAsync(id, DisputeResult.No($"{due} is not a date (yyyy-MM-dd)."));
            }

            date = parsed.Value;
        }

        return await DoneAsync(id, await desk.RescheduleAsync(HttpContext, SignedIn, id, date, reopen, HttpContext.RequestAborted));
    }

    private async Task<IActionResult> DoneAsync(long id, DisputeResult result)
    {
        if (result.Done)
        {
            DisputeMessage = result.Message;
            return RedirectToPage(new { id });
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Problem = result.Message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        Evidence = await store.FindAsync(null, id, HttpContext.RequestAborted);
        Answers = Evidence is null ? [] : await store.AnswersAsync(null, id, HttpContext.RequestAborted);
        return Evidence is not null;
    }
}
