using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Integra.Gateway.Portal.Onboarding;

/// <summary>
/// The Trading Partner Profile form (SPEC §7 onboarding): what a carrier tells Integra to get access. The same
/// fields are the public page's inputs, the printable form's lines and the CSV template's columns
/// (<see cref="ProfileCsv"/>).
/// </summary>
/// <remarks>
/// Model binding turns a blank input into null; every setter keeps it as an empty string instead, so a half-filled
/// form is a list of field errors (the data annotations), never an exception in a property that reads another.
/// </remarks>
public sealed class TradingPartnerProfile
{
    [Required, StringLength(100)]
    [Display(Name = "Company")]
    public string Company { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>The carrier's CCNA: three letters or digits; it becomes the partner id.</summary>
    [Required, RegularExpression("^[A-Za-z0-9]{3}$", ErrorMessage = "CCNA is three letters or digits")]
    [Display(Name = "CCNA")]
    public string Ccna { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>ILEC, CLEC, WIRELESS, VOIP, SHAREDTENANT or AGENT (partners.csv TYPE).</summary>
    [Required, RegularExpression("^(ILEC|CLEC|WIRELESS|VOIP|SHAREDTENANT|AGENT)$", ErrorMessage = "Partner type is one of ILEC, CLEC, WIRELESS, VOIP, SHAREDTENANT, AGENT")]
    [Display(Name = "Partner type")]
    public string PartnerType { get; set => field = value ?? string.Empty; } = "CLEC";

    /// <summary>The carrier's SPIDs, separated by spaces or semicolons.</summary>
    [Required, RegularExpression(@"^\s*[A-Za-z0-9]{4}([\s;,]+[A-Za-z0-9]{4})*\s*$", ErrorMessage = "SPIDs are four letters or digits each, separated by spaces")]
    [Display(Name = "SPIDs")]
    public string Spids { get; set => field = value ?? string.Empty; } = string.Empty;

    [Required, StringLength(100)]
    [Display(Name = "First administrator: name")]
    public string Admin1Name { get; set => field = value ?? string.Empty; } = string.Empty;

    [Required, EmailAddress, StringLength(200)]
    [Display(Name = "First administrator: e-mail")]
    public string Admin1Email { get; set => field = value ?? string.Empty; } = string.Empty;

    [Required, Phone, StringLength(30)]
    [Display(Name = "First administrator: phone")]
    public string Admin1Phone { get; set => field = value ?? string.Empty; } = string.Empty;

    [Required, StringLength(100)]
    [Display(Name = "Second administrator: name")]
    public string Admin2Name { get; set => field = value ?? string.Empty; } = string.Empty;

    [Required, EmailAddress, StringLength(200)]
    [Display(Name = "Second administrator: e-mail")]
    public string Admin2Email { get; set => field = value ?? string.Empty; } = string.Empty;

    [Required, Phone, StringLength(30)]
    [Display(Name = "Second administrator: phone")]
    public string Admin2Phone { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>SFTP or PORTAL: how the carrier will send requests.</summary>
    [Required, RegularExpression("^(SFTP|PORTAL)$", ErrorMessage = "Channel is SFTP or PORTAL")]
    [Display(Name = "Channel (SFTP or PORTAL)")]
    public string Channel { get; set => field = value ?? string.Empty; } = "PORTAL";

    [Required, StringLength(200)]
    [Display(Name = "Escalation contact")]
    public string Escalation { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>The partner id the carrier will have: its CCNA in capitals.</summary>
    [ValidateNever]
    public string PartnerId => Ccna.Trim().ToUpperInvariant();

    [ValidateNever]
    public IReadOnlyList<string> AdminEmails =>
        new[] { Admin1Email, Admin2Email }.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The form's problems (data annotations), empty when it can be queued.</summary>
    public IReadOnlyList<string> Problems()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "invalid").ToList();
    }
}
