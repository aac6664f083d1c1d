using Integra.Gateway.Portal.Audit;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Desk;

/// <summary>
/// A desk user's decision on an expedite review, decided by the gateway (<see cref="IDeskViews.DecideAsync"/>) and kept in
/// the audit trail whatever its outcome: a refused date and a review someone else decided first are recorded too, so
/// the trail shows every attempt on an order's due date.
/// </summary>
public sealed class ReviewDesk(IDeskViews desk, Auditor auditor)
{
    public async Task<ReviewResult> DecideAsync(HttpContext context, ReviewRequest request)
    {
        var result = await desk.DecideAsync(request, context.RequestAborted);
        var action = result.Status switch
        {
            ReviewResultStatus.Decided => request.Approve ? DeskAuditActions.ReviewApproved : DeskAuditActions.ReviewDenied,
            ReviewResultStatus.Refused => DeskAuditActions.ReviewRefused,
            _ => DeskAuditActions.ReviewConflict,
        };
        var detail = result.Status == ReviewResultStatus.Decided
            ? $"FOC {result.FocDate:yyyy-MM-dd} on {Tracking.OrderText.Channel(result.Channel)}, {result.FileName}"
            : $"{(request.Approve ? "approve" : "deny")}{(request.DueDate is { } d ? $" {d:yyyy-MM-dd}" : string.Empty)}: {result.Problem}";
        await auditor.RecordAsync(context, request.Reviewer, request.Partner, action, $"PON {request.Pon}", detail);
        return result;
    }
}
