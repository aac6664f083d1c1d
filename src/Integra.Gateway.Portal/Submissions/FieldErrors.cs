using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Portal.Submissions;

/// <summary>
/// The rejects of an answer placed next to the fields they name: each REJ row's FIELD column says which, its MESSAGE is
/// the rules' own words (never rewritten here). A TN's reject goes beside the TN lines with its number.
/// Rejects that name no field of the form (file-level ones) stay in <see cref="General"/>.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<Field, List<string>> _byField = [];

    public static FieldErrors None { get; } = new();

    public List<string> General { get; } = [];

    public static FieldErrors Of(PortalAnswer? answer, IReadOnlyCollection<Field> shown)
    {
        var errors = new FieldErrors();
        foreach (var row in answer?.Rows.Where(r => r.RespTyp == "REJ") ?? [])
        {
            var text = row.Tn.Length > 0 ? $"{row.Tn}: {row.Message}" : row.Message;
            if (FieldNames.TryParse(row.Field, out var field) && shown.Contains(field))
            {
                errors.Add(field, $"{row.Code} {text}");
            }
            else
            {
                errors.General.Add($"{row.Code} {(row.Field.Length > 0 ? row.Field + ": " : string.Empty)}{text}");
            }
        }

        return errors;
    }

    /// <summary>
    /// Problems the page finds before anything is submitted (a form with no PON or no TN cannot be a request the
    /// partner can follow up: it would be a permanent reject with no PON), each beside its field.
    /// </summary>
    public static FieldErrors Refused(IEnumerable<(Field Field, string Message)> problems)
    {
        var errors = new FieldErrors();
        foreach (var (field, message) in problems)
        {
            errors.Add(field, message);
        }

        return errors;
    }

    public bool Any => General.Count > 0 || _byField.Count > 0;

    /// <summary>The rules' messages for <paramref name="field"/>, in answer order.</summary>
    public IReadOnlyList<string> For(Field field) => _byField.TryGetValue(field, out var list) ? list : [];

    /// <summary>
    /// The ids of <paramref name="field"/>'s messages (<c>{controlId}-error-0</c>, …) for the control's
    /// aria-describedby, so that a screen reader reads them with the field; null (no attribute) when it has none.
    /// </summary>
    public string? DescribedBy(Field field, string controlId) =>
        For(field).Count == 0 ? null : string.Join(' ', Enumerable.Range(0, For(field).Count).Select(i => $"{controlId}-error-{i}"));

    /// <summary>"true" for aria-invalid when <paramref name="field"/> has messages; null (no attribute) otherwise.</summary>
    public string? Invalid(Field field) => For(field).Count == 0 ? null : "true";

    private void Add(Field field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }

        list.Add(message);
    }
}
