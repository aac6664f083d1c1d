using Integra.Gateway.Portal.Documents;
using Integra.Gateway.Rules.Model;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Docs;

public sealed class RejectsModel : PortalPageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnGetCsv() => File(
        CsvDocument.Write(
            ["CODE", "RESPTYP", "RULE", "MEANING", "CAUSE", "FIX", "EXAMPLE"],
            RejectCodeGuide.Entries.Select(e => (IReadOnlyList<string>)[e.Code, e.RespType, e.Rule, e.Meaning, e.Cause, e.Fix, e.Example])),
        "text/csv",
        "reject-resolution-guide.csv");
}
