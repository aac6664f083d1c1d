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

    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPostAccept(long id, string? reason) => Done(id, desk.Decide(HttpContext, SignedIn, id, accept: true, reason));

    public IActionResult OnPostReject(long id, string? reason) => Done(id, desk.Decide(HttpContext, SignedIn, id, accept: false, reason));

    public IActionResult OnPostExtend(long id, string? due) => Reschedule(id, due, reopen: false);

    public IActionResult OnPostReopen(long id, string? due) => Reschedule(id, due, reopen: true);

    /// <summary>A document as the partner sent it, after its hash was checked; a mismatch is never served.</summary>
    public IActionResult OnGetFile(long id, long file)
    {
        try
        {
            if (store.ReadFile(null, file) is not { } content || content.RequestId != id || store.Find(null, id) is not { } request)
            {
                return NotFound();
            }

            audit.Record(HttpContext, SignedIn.Email, request.Partner, DisputeAuditActions.FileRead, DisputeAuditActions.Target(request.Pon), $"request {id}, file {file} {content.Info.Name} sha256 {content.Info.Sha256}");
            return File(content.Content, content.Info.ContentType, content.Info.Name);
        }
        catch (EvidenceIntegrityException e)
        {
            log.LogError("EvidenceIntegrityFailed: {Problem}", e.Message);
            audit.Record(HttpContext, SignedIn.Email, store.Find(null, id)?.Partner, DisputeAuditActions.IntegrityFailed, $"request {id}", e.Message);
            return StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private IActionResult Reschedule(long id, string? due, bool reopen)
    {
        LocalDate? date = null;
        if (!string.IsNullOrWhiteSpace(due))
        {
            var parsed = LocalDatePattern.Iso.Parse(due.Trim());
            if (!parsed.Success)
            {
                return Done(id, DisputeResult.No($"{due} is not a date (yyyy-MM-dd)."));
            }

            date = parsed.Value;
        }

        return Done(id, desk.Reschedule(HttpContext, SignedIn, id, date, reopen));
    }

    private IActionResult Done(long id, DisputeResult result)
    {
        if (result.Done)
        {
            DisputeMessage = result.Message;
            return RedirectToPage(new { id });
        }

        if (!Load(id))
        {
            return NotFound();
        }

        Problem = result.Message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private bool Load(long id)
    {
        Evidence = store.Find(null, id);
        Answers = Evidence is null ? [] : store.Answers(null, id);
        return Evidence is not null;
    }
}
