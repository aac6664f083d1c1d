using Integra.Gateway.Configuration;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Processing;

/// <summary>Builds the request file processor of a store over the current reference data snapshot.</summary>
public sealed class RequestProcessors(ReferenceDataSource data, PolicyOptions policy, IOptions<IntakeSettings> intake)
{
    /// <summary>
    /// The processor for <paramref name="store"/>, rebuilt only when a new snapshot was swapped in: each call gives one
    /// snapshot's processor, and the caller decides a whole batch with it.
    /// </summary>
    public Func<RequestFileProcessor> For(IUnitOfWork store)
    {
        (ReferenceData Data, RequestFileProcessor Processor)? cached = null;
        return () =>
        {
            var current = data.Current;
            if (cached is not { } c || !ReferenceEquals(c.Data, current))
            {
                cached = c = (current, new RequestFileProcessor(current, policy, intake.Value.ToLimits(), store));
            }

            return c.Processor;
        };
    }
}
