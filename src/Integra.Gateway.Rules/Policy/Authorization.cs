using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// Authorization and end-user identity: L2 (AGAUTH), L15 (CCNA is the partner's), L17 (ZIP), L18 (passcode).
/// The passcode is a secret: messages say that it is wrong, never what it is or should be.
/// </summary>
internal static class Authorization
{
    public static void Check(LsrContext ctx)
    {
        CheckAgauth(ctx.Fields, ctx.Errors, "L2");
        CheckCcna(ctx.Fields, ctx.Receipt, ctx.Errors);

        if (ctx.Account is not { } account)
        {
            return;
        }

        var zip = ctx.Fields[Field.Zip];
        if (zip.Length > 0 && FieldFormats.Check(Field.Zip, zip) is null && FieldFormats.Zip5(zip) != FieldFormats.Zip5(account.Zip))
        {
            ctx.Add("L17", RejectCodes.ZipMismatch, Field.Zip, $"ZIP {zip} is not the service ZIP of account {account.An}; send the ZIP code where the service is.");
        }

        if (account.Passcode is { Length: > 0 } passcode)
        {
            var given = ctx.Fields[Field.Passcode];
            if (given.Length == 0)
            {
                ctx.Add("L18", RejectCodes.PasscodeMismatch, Field.Passcode, $"Account {account.An} has a passcode; ask the end user for it and send it in PASSCODE.");
            }
            else if (!string.Equals(given, passcode, StringComparison.Ordinal))
            {
                ctx.Add("L18", RejectCodes.PasscodeMismatch, Field.Passcode, $"PASSCODE does not match the passcode on account {account.An}; confirm it with the end user.");
            }
        }
    }

    /// <summary>L2 / C1: the carrier must state that it holds the end user's authorization.</summary>
    public static void CheckAgauth(FieldValues fields, List<RuleError> errors, string ruleId)
    {
        var agauth = fields[Field.Agauth];
        if (agauth.Length > 0 && !string.Equals(agauth, "Y", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new RuleError(
                ruleId,
                RejectCodes.NoAuthorization,
                Field.Agauth.Name(),
                $"AGAUTH is '{agauth}'; Integra needs AGAUTH=Y, your statement that you hold the end user's authorization."));
        }
    }

    /// <summary>L15: the submitter's CCNA must be the CCNA of the partner the file came from.</summary>
    public static void CheckCcna(FieldValues fields, Receipt receipt, List<RuleError> errors)
    {
        var ccna = fields[Field.Ccna];
        if (ccna.Length > 0 && !string.Equals(ccna, receipt.Partner.Ccna, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new RuleError(
                "L15",
                RejectCodes.WrongCcna,
                Field.Ccna.Name(),
                $"CCNA {ccna} is not the CCNA registered for your connection ({receipt.Partner.Ccna}); send requests under your own CCNA."));
        }
    }
}
