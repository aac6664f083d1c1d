using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// L1: required and well-formed fields. A simple port is judged only on the FCC standard data set
/// (47 CFR §52.36, SPEC §2.1 "always"); optional columns of a simple port are never a reason to reject.
/// </summary>
internal static class RequiredFields
{
    /// <summary>The FCC standard data set, less TN (checked per row) and PASSCODE (L18).</summary>
    private static readonly Field[] Standard =
    [
        Field.Ccna, Field.Pon, Field.Cc, Field.Nnsp, Field.Npdi, Field.Reqtyp, Field.Act, Field.Ddd,
        Field.Inittel, Field.Agauth, Field.An, Field.Zip,
    ];

    private static readonly Field[] NonSimpleRequired = [Field.DtSent, Field.Authnm, Field.Dated];

    private static readonly Field[] NonSimpleFormatOnly = [Field.Exp, Field.Mi, Field.State];

    public static void Check(LsrContext ctx)
    {
        var fields = ctx.Fields;
        var cancel = fields[Field.Sup] == "1";
        foreach (var field in Standard)
        {
            // DDD is not needed to cancel (SPEC §2.1).
            var required = !(field == Field.Ddd && cancel);
            CheckOne(ctx, field, required);
        }

        CheckOne(ctx, Field.Ver, required: false);
        CheckOne(ctx, Field.Sup, required: false);
        if (!ctx.Simple)
        {
            foreach (var field in NonSimpleRequired)
            {
                CheckOne(ctx, field, required: true);
            }

            foreach (var field in NonSimpleFormatOnly)
            {
                CheckOne(ctx, field, required: false);
            }

            CheckDatedNotAfterReceipt(ctx);
        }

        CheckTnRows(ctx);
    }

    /// <summary>
    /// S3: a cancel needs CCNA, PON, VER, SUP, AGAUTH, AN and ZIP (and the passcode, L18) and nothing else: it ends
    /// the end user's port, so it carries the same authorization and identity as the order it ends.
    /// </summary>
    public static void CheckCancel(LsrContext ctx)
    {
        foreach (var field in (ReadOnlySpan<Field>)[Field.Ccna, Field.Pon, Field.Agauth, Field.An, Field.Zip])
        {
            Check(ctx.Fields, field, required: true, ctx.Errors, " (a cancel needs the end user's authorization, account and ZIP)");
        }

        Check(ctx.Fields, Field.Ver, required: false, ctx.Errors);
    }

    private static void CheckOne(LsrContext ctx, Field field, bool required)
    {
        var why = ctx.Simple || field is not (Field.DtSent or Field.Authnm or Field.Dated)
            ? string.Empty
            : " (required for a non-simple port)";
        Check(ctx.Fields, field, required, ctx.Errors, why);
    }

    /// <summary>
    /// R01 when a required field is blank, R02 when a filled field is malformed (L1), for LSRs and CSRs alike.
    /// AGAUTH's value is judged by L2/C1; AN and AUTHNM are free text.
    /// </summary>
    public static void Check(FieldValues fields, Field field, bool required, List<RuleError> errors, string whyRequired = "")
    {
        var value = fields[field];
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(new RuleError("L1", RejectCodes.MissingField, field.Name(), $"{field.Name()} is missing{whyRequired}; fill it in and send the request again."));
            }
        }
        else if (FieldFormats.Check(field, value) is { } expected)
        {
            errors.Add(new RuleError("L1", RejectCodes.BadFormat, field.Name(), $"{field.Name()} '{value}' is not valid; write {expected}."));
        }
    }

    private static void CheckDatedNotAfterReceipt(LsrContext ctx)
    {
        if (FieldFormats.ParseDate(ctx.Fields[Field.Dated]) is { } dated && dated > ctx.ReceivedLocal.Date)
        {
            ctx.Add(
                "L1",
                RejectCodes.BadFormat,
                Field.Dated,
                $"DATED {dated:yyyy-MM-dd} is after the date the request was received ({ctx.ReceivedLocal.Date:yyyy-MM-dd}); send the date the end user gave the authorization.");
        }
    }

    private static void CheckTnRows(LsrContext ctx)
    {
        var seen = new HashSet<string>(ctx.Request.Tns.Count, StringComparer.Ordinal);
        foreach (var line in ctx.Request.Tns)
        {
            if (line.Raw.Length == 0)
            {
                ctx.Add("L1", RejectCodes.MissingField, Field.Tn, $"TN is missing on line {line.Line}; give the number to port on every row.");
            }
            else if (line.Tn is null)
            {
                ctx.Add("L1", RejectCodes.BadFormat, Field.Tn, $"TN '{line.Raw}' on line {line.Line} is not valid; write 10 NANP digits, e.g. 406-555-0101.", line.Raw);
            }
            else if (!seen.Add(line.Tn))
            {
                ctx.Add("L1", RejectCodes.BadFormat, Field.Tn, $"TN {line.Tn} is listed twice (line {line.Line}); list each number once.", line.Tn);
            }
        }
    }
}
