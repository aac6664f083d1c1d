using Integra.Gateway.Portal.Onboarding;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Onboarding;

public sealed class ProfileTemplateModel : PortalPageModel
{
    public IActionResult OnGet() => File(ProfileCsv.Template(), "text/csv", "trading-partner-profile.csv");
}
