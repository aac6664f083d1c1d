using System.Globalization;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Documents;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Staff;

/// <summary>The audit trail for staff: the page shows the latest entries, the CSV export all of them.</summary>
public sealed class AuditModel(IPortalStore store) : PortalPageModel
{
    public int Limit => 500;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public void OnGet() => Entries = store.Audit(null, Limit);

    public IActionResult OnGetCsv()
    {
        var rows = store.Audit(null, int.MaxValue).Select(e => (IReadOnlyList<string>)
            [e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Partner ?? string.Empty, e.Action, e.Target, e.Detail, e.Address]);
        return File(CsvDocument.Write(["AT", "ACTOR", "PARTNER", "ACTION", "TARGET", "DETAIL", "ADDRESS"], rows), "text/csv", "portal-audit.csv");
    }
}
