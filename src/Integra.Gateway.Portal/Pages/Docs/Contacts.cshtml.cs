using Integra.Gateway.Portal.Documents;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Docs;

public sealed class ContactsModel(Func<ReferenceData> data) : PortalPageModel
{
    public IReadOnlyList<(string State, string Company, string Contact)> Contacts { get; private set; } = [];

    public void OnGet() => Contacts = data().Contacts.ToList();

    public IActionResult OnGetCsv() => File(
        CsvDocument.Write(["STATE", "COMPANY", "CONTACT"], data().Contacts.Select(c => (IReadOnlyList<string>)[c.State, c.Company, c.Contact])),
        "text/csv",
        "lsr-contacts.csv");
}
