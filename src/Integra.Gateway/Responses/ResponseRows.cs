using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Responses;

/// <summary>Turns decisions into response rows (SPEC §5). The passcode never appears in any row.</summary>
public static class ResponseRows
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    /// <summary>Identifies the request a row answers.</summary>
    public sealed record RequestKey(string Ccna, string Pon, string Ver, string LsrNo, string An);

    /// <summary>A row of <paramref name="respTyp"/> identifying the request it answers.</summary>
    private static ResponseRow For(RequestKey key, ResponseType respTyp) => new()
    {
        RespTyp = respTyp,
        Ccna = key.Ccna,
        Pon = key.Pon,
        Ver = key.Ver,
        LsrNo = key.LsrNo,
        An = key.An,
    };

    /// <summary>The one REJ row of a file rejected as a whole (F01–F05): its code, the field and the message.</summary>
    public static IReadOnlyList<ResponseRow> ForFile(string code, string field, string message) =>
        [new ResponseRow { RespTyp = ResponseType.Reject, Code = code, Field = field, Message = message }];

    public static IReadOnlyList<ResponseRow> Reject(RequestKey key, IEnumerable<RuleError> errors, string contact) =>
        errors.Select(e => For(key, ResponseType.Reject) with
        {
            Tn = e.Tn ?? string.Empty,
            Code = e.Code,
            Field = e.Field,
            Message = e.Message,
            Contact = contact,
        }).ToList();

    public static IReadOnlyList<ResponseRow> Foc(RequestKey key, LocalDate dueDate, IEnumerable<FocLine> lines, string message)
    {
        // One row object per TN and the date formatted once: every TN of a large file gets a FOC row.
        var dd = Date.Format(dueDate);
        var rows = new List<ResponseRow>(lines is IReadOnlyCollection<FocLine> known ? known.Count : 4);
        foreach (var l in lines)
        {
            rows.Add(new ResponseRow
            {
                RespTyp = ResponseType.Foc,
                Ccna = key.Ccna,
                Pon = key.Pon,
                Ver = key.Ver,
                LsrNo = key.LsrNo,
                An = key.An,
                Tn = l.Tn,
                Lna = ResponseCodes.Of(l.Lna),
                Dd = dd,
                Message = l.Lna == Lna.Port ? message : string.Empty,
            });
        }

        return rows;
    }

    public static IReadOnlyList<ResponseRow> Pending(RequestKey key, PendingReview pending) =>
    [
        For(key, ResponseType.Pending) with
        {
            Code = RejectCodes.ExpediteReview,
            Field = "EXP",
            Message = $"Expedite to {Date.Format(pending.RequestedDate)} requested before the standard due date {Date.Format(pending.StandardDueDate)}; awaiting review by Integra. An FOC follows.",
        },
    ];

    public static IReadOnlyList<ResponseRow> Cancel(RequestKey key, IEnumerable<string> tns, string code, string message) =>
        tns.Select(tn => For(key, ResponseType.Cancel) with
        {
            Tn = tn,
            Code = code,
            Message = message,
        }).ToList();

    public static IReadOnlyList<ResponseRow> Csr(CsrRequest request, CsrAnswer answer, string contact) =>
        answer.WorkingTns.Select(tn => new ResponseRow
        {
            RespTyp = ResponseType.Csr,
            Ccna = request.Ccna,
            Pon = request.Pon,
            An = answer.Account.An,
            Tn = tn,
            Customer = answer.Account.Customer,
            Address = answer.Account.Address,
            Services = string.Join(';', answer.Account.Services),
            Contact = contact,
        }).ToList();

    /// <summary>The MESSAGE of a CAN E01 row: the order was not ported in time (sweep, or S2 on a late supplement).</summary>
    public static string ExpiredMessage(LocalDate focDate, LocalDate lastPortDate, int expiryBusinessDays) =>
        $"Not ported by {Date.Format(lastPortDate)} (FOC {Date.Format(focDate)} + {expiryBusinessDays} business days): canceled, port subscription canceled in NPAC. Send a new LSR.";

    /// <summary>The MESSAGE of a CAN R61 row: the order was closed by S5.</summary>
    public const string ClosedMessage =
        "Withdrawn: the order is closed after too many due-date supplements (S5); port subscription canceled in NPAC. Send a new LSR when you have a firm due date.";

    /// <summary>Why the FOC has its date, for the partner's ordering desk.</summary>
    public static string FocMessage(string ruleId, LocalDate dueDate) => ruleId switch
    {
        "L12" => $"DDD is before the standard interval; FOC at the standard due date {Date.Format(dueDate)}.",
        "L13" => $"FOC at the requested due date (moved to the next business day when it was not one): {Date.Format(dueDate)}.",
        "S4" => $"Supplement received at least 2 business days before the established due date; due date {Date.Format(dueDate)} kept.",
        "REVIEW-APPROVE" => $"Expedite approved; FOC at {Date.Format(dueDate)}.",
        "REVIEW-DENY" => $"Expedite denied; FOC at the standard due date {Date.Format(dueDate)}.",
        _ => string.Empty,
    };
}
