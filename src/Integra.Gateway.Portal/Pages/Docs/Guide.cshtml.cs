using Integra.Gateway.Portal.Documents;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Docs;

public sealed class GuideModel : PortalPageModel
{
    public Guide? Guide { get; private set; }

    public IActionResult OnGet(string? name)
    {
        Guide = UserGuides.All.FirstOrDefault(g => g.Slug == name);
        return Guide is null ? NotFound() : Page();
    }
}
