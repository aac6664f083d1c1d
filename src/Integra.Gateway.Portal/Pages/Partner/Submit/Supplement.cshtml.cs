using System.Globalization;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>
/// A supplement of one of the partner's LSR orders (SPEC §4 S1–S9): SUP 1 cancel, 2 new date, 3 other change, prefilled
/// from the order's last version (read through the intake) with the next VER. Another partner's order, like an unknown
/// one, is a 404: the page never says it exists.
/// </summary>
public sealed class SupplementModel(IPortalIntake intake) : LsrFormPage(intake)
{
    /// <summary>The supplement types of SPEC §2.1 and what they do.</summary>
    public static IReadOnlyList<(string Code, string Text)> Types { get; } =
        [("1", "1 cancel the order"), ("2", "2 new desired due date"), ("3", "3 other change")];

    [BindProperty(SupportsGet = true)]
    public long Order { get; set; }

    /// <summary>No default: a supplement says what it is, so changing a date never cancels an order by accident.</summary>
    [BindProperty]
    public string? SupType { get; set; }

    /// <summary>The partner's tick that a SUP 1 is meant: a cancel cannot be undone.</summary>
    [BindProperty]
    public bool ConfirmCancel { get; set; }

    public LsrDraft? Draft { get; private set; }

    public override string Sup => Types.Any(t => t.Code == SupType) ? SupType! : string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MaySubmit)
        {
            return Forbidden();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        FormId = FormIds.New();
        foreach (var (field, value) in Draft!.Fields)
        {
            F[field.Name()] = value;
        }

        F[Field.Ver.Name()] = NextVer(Draft.Fields.GetValueOrDefault(Field.Ver));
        Tns = string.Join('\n', Draft.Tns);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken) =>
        !MaySubmit ? Forbidden() : await LoadAsync(cancellationToken) ? Check() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MaySubmit)
        {
            return Forbidden();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await SubmitAsync(cancellationToken);
        await LoadAsync(cancellationToken); // the page says the state the answer left the order in ("canceled" after a SUP 1), not the one before
        return result;
    }

    /// <summary>Besides an empty form: no supplement type chosen, or a cancel (SUP 1) without the partner's tick.</summary>
    protected override FieldErrors Incomplete(IReadOnlyDictionary<Field, string> fields, IReadOnlyList<string> tns)
    {
        var problems = base.Incomplete(fields, tns).For(Field.Pon).Select(m => (Field.Pon, m)).ToList();
        if (Sup.Length == 0)
        {
            problems.Add((Field.Sup, "Choose the supplement type: 1 cancels the order, 2 asks a new due date, 3 changes something else."));
        }
        else if (Sup == "1" && !ConfirmCancel)
        {
            problems.Add((Field.Sup, $"SUP 1 cancels order {fields[Field.Pon]} and every TN on it; it cannot be undone. Tick \"Yes, cancel this order\" and submit again, or choose another type."));
        }

        return FieldErrors.Refused(problems);
    }

    /// <summary>VER 00 → 01; a VER that is not two digits is left for the partner (and the rules) to judge.</summary>
    private static string NextVer(string? ver) =>
        int.TryParse(ver, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 99 ? (n + 1).ToString("00", CultureInfo.InvariantCulture) : ver ?? string.Empty;

    /// <summary>
    /// The order's last version, when this user may read it. SPEC §7: reading the partner's orders needs VIEW; a user
    /// with LSR alone sees what they submitted, so an order none of whose versions they sent is not found for them,
    /// as it is not on their inbox (its content, the end user's name, address and passcode, is not theirs to read).
    /// </summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Draft = await Intake.LastVersionAsync(Partner, Order, May(Privileges.View) ? null : SignedIn.Email, cancellationToken) ?? Draft;
        return Draft is not null;
    }
}
