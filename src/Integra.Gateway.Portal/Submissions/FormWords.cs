using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Portal.Submissions;

/// <summary>
/// An answer as a web form shows it (issue 26): the rules' MESSAGE of a code is written for a file in a drop ("name it
/// in the LOA column"); where the reject table (<see cref="RejectCodeGuide"/>) has web words for the code, the form
/// shows those instead. The downloaded response file is not touched: it keeps the contract's MESSAGE.
/// </summary>
public static class FormWords
{
    private static readonly Dictionary<string, string> OnForm = RejectCodeGuide.Entries
        .Where(e => e.OnForm is not null)
        .ToDictionary(e => e.Code, e => e.OnForm!, StringComparer.Ordinal);

    /// <summary>The row's message in the words of a web form.</summary>
    public static string Message(AnswerRow row) => OnForm.TryGetValue(row.Code, out var words) ? words : row.Message;

    /// <summary><paramref name="answer"/> with every row's message as a web form says it.</summary>
    public static PortalAnswer OnAForm(PortalAnswer answer) =>
        answer with { Rows = answer.Rows.Select(r => r with { Message = Message(r) }).ToList() };
}
