using Integra.Gateway.Portal.Partners;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>
/// The LSR form (SPEC §7, §2.1): the request-level columns once, one TN per line; a "check" post shows whether the
/// account makes it a simple port (no JavaScript under the CSP); a submit makes one request file of one row per TN
/// and shows the answer with each reject next to its field. The rules judge every value; the page only carries them.
/// </summary>
public abstract class LsrFormPage(IPortalIntake intake) : SubmitPageModel
{
    /// <summary>The request-level values, keyed by column name (<c>F[PON]</c>).</summary>
    [BindProperty]
    public Dictionary<string, string?> F { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The TNs, one per line.</summary>
    [BindProperty]
    public string? Tns { get; set; }

    public PortClassification? Classification { get; private set; }

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    /// <summary>The gateway's intake, for the pages built on this form.</summary>
    protected IPortalIntake Intake => intake;

    /// <summary>The SUP column: blank for a new LSR, 1/2/3 on the supplement page.</summary>
    public virtual string Sup => string.Empty;

    public string Value(Field field) => F.TryGetValue(field.Name(), out var v) ? v ?? string.Empty : string.Empty;

    protected IActionResult Check()
    {
        Classify();
        return Page();
    }

    protected async Task<IActionResult> SubmitAsync(CancellationToken cancellationToken)
    {
        if (Submission() is not { } submission)
        {
            return BadRequest();
        }

        var fields = FormFields.From(F, FormFields.LsrRequestLevel);
        fields[Field.Sup] = Sup;
        var tns = FormFields.Lines(Tns);
        if (Incomplete(fields, tns) is { Any: true } refused)
        {
            // Refused on the page: nothing reaches the gateway, the form id stays unused and everything typed stays.
            Errors = refused;
            Classify();
            return Page();
        }

        var rows = (tns.Count == 0 ? [string.Empty] : tns)
            .Select(tn => (IReadOnlyDictionary<Field, string>)new Dictionary<Field, string>(fields) { [Field.Tn] = tn })
            .ToList();
        var answer = await intake.SubmitFormAsync(submission, new RequestForm(RequestKind.Lsr, fields[Field.Pon], rows), cancellationToken);
        Errors = FieldErrors.Of(AnsweredOnForm(answer), [.. FormFields.LsrRequestLevel, Field.Tn, Field.Sup]);
        Classify();
        return Page();
    }

    /// <summary>A new form: CCNA is the partner's (the rules still compare it, L15), VER 00.</summary>
    /// <summary>A blank form with what the partner's profile already says (issue 26 item 5).</summary>
    protected async Task StartAsync(PartnerFormDefaults defaults, CancellationToken cancellationToken)
    {
        FormId = FormIds.New();
        F[Field.Ccna.Name()] = await defaults.CcnaAsync(Partner, cancellationToken);
        F[Field.Nnsp.Name()] = await defaults.NnspAsync(Partner, cancellationToken);
        F[Field.Ver.Name()] = "00";
    }

    protected bool MaySubmit => May(Privileges.Lsr);

    /// <summary>What keeps the form from being a request at all: no PON, or (for a new LSR) no TN.</summary>
    protected virtual FieldErrors Incomplete(IReadOnlyDictionary<Field, string> fields, IReadOnlyList<string> tns)
    {
        var problems = new List<(Field, string)>();
        if (fields[Field.Pon].Length == 0)
        {
            problems.Add((Field.Pon, "Give the purchase order number (PON): the request and its answers are filed under it."));
        }

        if (tns.Count == 0 && Sup.Length == 0)
        {
            problems.Add((Field.Tn, "Give at least one telephone number to port, one per line."));
        }

        return FieldErrors.Refused(problems);
    }

    private void Classify()
    {
        var an = Value(Field.An);
        Classification = an.Length == 0 ? null : intake.Classify(an, Value(Field.Reqtyp), Math.Max(1, FormFields.Lines(Tns).Count));
    }
}
