using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>What differs between a simple and a non-simple port in the due-date rules: the cutoff and the interval.</summary>
public static class PortKind
{
    /// <summary>The local time after which a request counts as received the next business day.</summary>
    public static LocalTime Cutoff(bool simple, PolicyOptions options) =>
        simple ? options.SimpleCutoff : options.NonSimpleCutoff;

    /// <summary>The standard interval in business days: the partner's agreement, else the policy's.</summary>
    public static int Interval(bool simple, Partner partner, PolicyOptions options) =>
        simple ? partner.SimpleInterval ?? options.SimpleIntervalDays : partner.NonSimpleInterval ?? options.NonSimpleIntervalDays;
}
