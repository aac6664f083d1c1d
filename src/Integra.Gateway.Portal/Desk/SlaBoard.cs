using System.Globalization;
using Integra.Gateway.Portal.Onboarding;

namespace Integra.Gateway.Portal.Desk;

/// <summary>
/// The SLA board's charts (issue 17 item 5) from the gateway's figures and the onboarding queue: what the page shows,
/// built here so that the numbers on the page are the numbers in the figures.
/// </summary>
public sealed record SlaBoard(
    SlaFigures Figures,
    long CsrReceived,
    long CsrOnTime,
    long FormsOpen,
    long FormsPastDue,
    IReadOnlyList<string> Charts)
{
    /// <summary>Share of CSR requests answered within 24 hours in the period, 0–1; null without requests.</summary>
    public double? CsrShare => CsrReceived == 0 ? null : (double)CsrOnTime / CsrReceived;

    public static SlaBoard Build(SlaFigures figures, IReadOnlyList<ProfileSubmission> profiles, DateTimeOffset now)
    {
        var open = profiles.Where(p => p.State == ProfileStates.Received).ToList();
        var pastDue = open.Count(p => p.IsPastDue(now));
        var csr = figures.CsrByPartner
            .Select(c => new ChartBar(c.Partner, (c.Share ?? 0) * 100, $"{c.OnTime} of {c.Received} ({Percent(c.Share)})", c.OnTime < c.Received))
            .ToList();
        string[] charts =
        [
            SvgBarChart.Render("CSR answered within 24 hours, last 30 days, per partner", csr, 100),
            SvgBarChart.Render("Orders by state", Counts(figures.OrdersByState)),
            SvgBarChart.Render("Rejects by code, last 30 days", Counts(figures.RejectsByCode)),
            SvgBarChart.Render("Rejected requests by partner, last 30 days", Counts(figures.RejectsByPartner)),
            SvgBarChart.Render("Request files waiting for an answer, per channel", Counts(figures.FilesWaiting)),
            SvgBarChart.Render("Answers waiting for delivery, per channel", Counts(figures.AnswersWaiting)),
            SvgBarChart.Render(
                "Onboarding forms waiting (due 3 business days after receipt)",
                open.Count == 0 ? [] : [SvgBarChart.Count("past due", pastDue, alert: pastDue > 0), SvgBarChart.Count("not yet due", open.Count - pastDue)]),
        ];
        return new SlaBoard(figures, figures.CsrByPartner.Sum(c => c.Received), figures.CsrByPartner.Sum(c => c.OnTime), open.Count, pastDue, charts);
    }

    /// <summary>A share as the board writes it: <c>75%</c>, one decimal when not whole, <c>n/a</c> without requests.</summary>
    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static List<ChartBar> Counts(IReadOnlyList<Count> counts) =>
        counts.Select(c => SvgBarChart.Count(c.Label, c.Value)).ToList();
}
