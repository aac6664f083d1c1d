using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// CSR requests: C1 (AGAUTH), C2 (LOA from agents), C3 (TN/AN checks L4, L6, L7), plus the shared checks
/// for CCNA (L15), the email channel (L14) and field formats.
/// </summary>
public sealed class CsrPolicy(ReferenceData data, PolicyOptions options)
{
    private static readonly Field[] Required = [Field.Ccna, Field.Pon, Field.Agauth, Field.Inittel];
    private static readonly Field[] Optional = [Field.DtSent, Field.Dated, Field.State];

    /// <param name="request">One CSR row.</param>
    /// <param name="receipt">Partner, channel, received instant.</param>
    /// <param name="loa">What the LOA named on the row turned out to be.</param>
    /// <param name="priorHash">Content hash of an earlier request with the same PON, if any.</param>
    /// <param name="contentHash">Content hash of this request.</param>
    public CsrDecision Decide(CsrRequest request, Receipt receipt, LoaContent loa, string? priorHash, string contentHash)
    {
        var fields = request.Fields;
        var errors = new List<RuleError>();
        if (priorHash is not null)
        {
            return priorHash == contentHash
                ? new CsrResend()
                : new CsrReject([new RuleError("S8", RejectCodes.VersionConflict, Field.Pon.Name(), $"PON {request.Pon} was already used for a different CSR request; use a new PON for a new request.")]);
        }

        foreach (var field in Required.Concat(Optional))
        {
            RequiredFields.Check(fields, field, required: Required.Contains(field), errors);
        }

        Authorization.CheckAgauth(fields, errors, "C1");
        Authorization.CheckCcna(fields, receipt, errors);
        CheckLoa(receipt.Partner, fields[Field.Loa], loa, errors);

        var account = FindAccount(fields, errors);
        var state = account?.State ?? fields[Field.State].ToUpperInvariant();
        var zone = LocalZone.Of(data, account, state, options);
        if (!EmailChannel.Accepts(receipt, state, options, i => i.InZone(zone).Date))
        {
            errors.Add(EmailChannel.Reject(state, options));
        }

        if (errors.Count > 0 || account is null)
        {
            return new CsrReject(errors);
        }

        var working = data.TnsOf(account.An).Where(t => t.Status == TnStatus.Working).Select(t => t.Tn).ToList();
        if (working.Count == 0)
        {
            // An empty answer would read as "nothing to port" and leave the partner guessing (SPEC §4, C3).
            return new CsrReject([new RuleError("C3", RejectCodes.TnNotWorking, Field.An.Name(), $"Account {account.An} has no working TN, so there is no service record to send; check the account number with the end user.")]);
        }

        return new CsrAnswer(account, working);
    }

    /// <summary>C2: agents (third parties that are not carriers) must send the end user's LOA.</summary>
    private static void CheckLoa(Partner partner, string loaName, LoaContent loa, List<RuleError> errors)
    {
        if (partner.Type != PartnerType.Agent || loa is LoaContent.Pdf or LoaContent.Tiff or LoaContent.Png or LoaContent.Jpeg)
        {
            return;
        }

        var why = loa switch
        {
            LoaContent.Missing when loaName.Length == 0 => "no LOA is named in the LOA column",
            LoaContent.Missing => $"the LOA file '{loaName}' was not delivered with the request",
            LoaContent.Empty => $"the LOA file '{loaName}' is empty",
            _ => $"the LOA file '{loaName}' is not a PDF, TIFF, PNG or JPEG document",
        };
        errors.Add(new RuleError("C2", RejectCodes.LoaMissing, Field.Loa.Name(), $"An agent must send the end user's letter of authorization with a CSR request: {why}. Deliver the LOA beside the CSR file and name it in LOA."));
    }

    /// <summary>C3: the account by AN and/or TN, with the TN checks L4, L6 and L7 (not L5: any TN of the account identifies it).</summary>
    private Account? FindAccount(FieldValues fields, List<RuleError> errors)
    {
        var an = fields[Field.An];
        var rawTn = fields[Field.Tn];
        if (an.Length == 0 && rawTn.Length == 0)
        {
            errors.Add(new RuleError("L1", RejectCodes.MissingField, "AN", "Neither AN nor TN is filled in; give the account number or a telephone number on the account."));
            return null;
        }

        var account = an.Length > 0 ? data.Account(an) : null;
        if (an.Length > 0 && account is null)
        {
            errors.Add(new RuleError("C3", RejectCodes.TnOtherAccount, Field.An.Name(), TnChecks.AccountNotFound(an)));
            return null;
        }

        if (rawTn.Length > 0)
        {
            if (!TelephoneNumber.TryNormalize(rawTn, out var tn))
            {
                errors.Add(new RuleError("L1", RejectCodes.BadFormat, Field.Tn.Name(), $"TN '{rawTn}' is not valid; write 10 NANP digits, e.g. 406-555-0101.", rawTn));
                return null;
            }

            var tnErrors = TnChecks.CheckTn(data, tn, an, accountKnown: account is not null, checkWorking: false)
                .Select(e => e with { RuleId = "C3" }).ToList();
            errors.AddRange(tnErrors);
            return tnErrors.Count > 0 ? null : account ?? data.Account(data.Tn(tn)!.An);
        }

        // AN only: every working TN must show Integra in NPAC (the policy asks carriers to check all TNs first).
        foreach (var t in data.TnsOf(account!.An).Where(t => t.Status == TnStatus.Working))
        {
            errors.AddRange(TnChecks.CheckTn(data, t.Tn, an, accountKnown: true, checkWorking: false).Select(e => e with { RuleId = "C3" }));
        }

        return account;
    }
}
