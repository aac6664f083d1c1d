using Integra.Gateway.Portal.Documents;
using Integra.Gateway.Rules.Model;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Docs;

/// <summary>The LSR form as a CSV template: the columns of SPEC §2.1 from the rules' own list, and one empty row.</summary>
public sealed class LsrTemplateModel : PortalPageModel
{
    public IActionResult OnGet()
    {
        var header = FieldNames.LsrColumns.Select(f => f.Name()).ToList();
        return File(CsvDocument.Write(header, [header.Select(_ => string.Empty).ToList()]), "text/csv", "lsr-form.lsr.csv");
    }
}
