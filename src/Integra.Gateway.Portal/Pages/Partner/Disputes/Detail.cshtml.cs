using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Disputes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Integra.Gateway.Portal.Pages.Partner.Disputes;

/// <summary>
/// One evidence request for the partner: what Integra asks, the answers so far, and the answer form (text and
/// documents, checked by content and size). Another partner's request, or one beyond the user's privileges, is not
/// found (404), like an id that does not exist.
/// </summary>
public sealed class DetailModel(EvidenceDesk desk, IEvidenceStore store, Auditor audit, ILogger<DetailModel> log) : PortalPageModel
{
    public EvidenceRequest? Evidence { get; private set; }

    public IReadOnlyList<EvidenceAnswer> Answers { get; private set; } = [];

    public Instant Now => desk.Now;

    public string Zone => desk.DeskZoneId;

    public int MaxDocumentBytes => desk.MaxDocumentBytes;

    [TempData]
    public string? DisputeMessage { get; set; }

    public string? Problem { get; private set; }

    /// <summary>What the user typed, kept when the answer is refused.</summary>
    public string? Text { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? text, List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var read = new List<(string, byte[])>();
        foreach (var file in files ?? [])
        {
            if (file.Length > MaxDocumentBytes)
            {
                return Refused(text, $"{Path.GetFileName(file.FileName)} is larger than {MaxDocumentBytes / (1024 * 1024)} MB, the limit for authorization documents.");
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            read.Add((file.FileName, buffer.ToArray()));
        }

        var result = await desk.AnswerAsync(HttpContext, SignedIn, id, text, read, cancellationToken);
        if (!result.Done)
        {
            return Refused(text, result.Message);
        }

        DisputeMessage = result.Message;
        return RedirectToPage(new { id });
    }

    /// <summary>One of this request's documents, after its hash was checked; a mismatch is never served.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long file)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        try
        {
            return await store.ReadFileAsync(Evidence!.Partner, file, HttpContext.RequestAborted) is { } content && content.RequestId == id
                ? File(content.Content, content.Info.ContentType, content.Info.Name)
                : NotFound();
        }
        catch (EvidenceIntegrityException e)
        {
            log.LogError("EvidenceIntegrityFailed: {Problem}", e.Message);
            await audit.RecordAsync(HttpContext, SignedIn.Email, Evidence!.Partner, DisputeAuditActions.IntegrityFailed, DisputeAuditActions.Target(Evidence.Pon), e.Message);
            return StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private PageResult Refused(string? text, string problem)
    {
        Problem = problem;
        Text = text;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        Evidence = await desk.FindForPartnerAsync(SignedIn, id, HttpContext.RequestAborted);
        Answers = Evidence is null ? [] : await store.AnswersAsync(Evidence.Partner, id, HttpContext.RequestAborted);
        return Evidence is not null;
    }
}
