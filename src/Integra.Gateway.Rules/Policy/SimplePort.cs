using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// The FCC's simple port (SPEC §4): REQTYP CB, an account with exactly one WORKING TN, no UNE, no reseller,
/// and none of the complex services.
/// </summary>
public static class SimplePort
{
    private static readonly HashSet<string> ComplexServices =
        new(["CENTREX", "ISDN", "AIN", "RCF", "MULTI"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True for a simple port. When the account is unknown the request is judged by what it says
    /// (REQTYP CB with one TN), so that the partner is told about the account rather than about fields
    /// only non-simple ports need.
    /// </summary>
    public static bool IsSimple(LsrRequest request, Account? account, ReferenceData data)
    {
        if (!string.Equals(request.Fields[Field.Reqtyp], "CB", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (account is null)
        {
            return request.Tns.Count == 1;
        }

        return AccountQualifies(account, data);
    }

    /// <summary>
    /// The account's half of the definition (one working TN, no UNE, no reseller, no complex service): for an order
    /// decided before its kind was kept, judged as a number portability (CB) request, the usual kind.
    /// </summary>
    public static bool AccountQualifies(Account? account, ReferenceData data) =>
        account is not null
        && data.TnsOf(account.An).Count(t => t.Status == TnStatus.Working) == 1
        && !account.Une
        && !account.Reseller
        && !account.Services.Any(ComplexServices.Contains);
}
