using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// The zone a request's local date, time and cutoffs are read in (SPEC §4 "Local"). The rules and the host both ask
/// here, so the order's recorded zone is the one its dates were decided in.
/// </summary>
public static class LocalZone
{
    /// <param name="data">Reference data; <see cref="ReferenceData.ZoneOf"/> is the definition of "local".</param>
    /// <param name="account">The request's account; null when Integra has no account under its AN.</param>
    /// <param name="state">Service state: the account's, else the request's STATE.</param>
    /// <param name="options">Gives <see cref="PolicyOptions.FallbackZone"/>.</param>
    public static DateTimeZone Of(ReferenceData data, Account? account, string state, PolicyOptions options)
    {
        if (account is not null)
        {
            // The loader refuses data where an account has no zone; the fallback only serves hand-built data.
            return data.ZoneOf(account) ?? options.FallbackZone;
        }

        // No account: the request is rejected (unknown or missing AN), so the zone only dates that answer. A SPLIT
        // state has no zone of its own, and the request's ZIP is the partner's word rather than Integra's record, so
        // we keep the configured fallback, as for an unknown state, instead of guessing one of the state's two zones.
        return data.StateZone(state) ?? options.FallbackZone;
    }
}
