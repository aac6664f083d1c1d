using Integra.Gateway.Configuration;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>What a one-shot command works with: reference data, policy, limits, the store.</summary>
internal sealed class CommandContext : IDisposable
{
    private CommandContext(ReferenceData data, PolicyOptions policy, IntakeSettings intake, OrderStore store)
    {
        Data = data;
        Policy = policy;
        Intake = intake;
        Store = store;
    }

    public ReferenceData Data { get; }

    public PolicyOptions Policy { get; }

    public IntakeSettings Intake { get; }

    public OrderStore Store { get; }

    /// <exception cref="UsageException">Reference data or configuration is broken.</exception>
    public static CommandContext Open(string dataDirectory, string database, IClock clock)
    {
        ReferenceData data;
        PolicyOptions policy;
        IConfiguration configuration;
        try
        {
            configuration = GatewayConfiguration.Build();
            policy = configuration.Section<PolicySettings>().ToPolicyOptions();
            data = ReferenceDataLoader.Load(dataDirectory);
        }
        catch (Exception e) when (e is ReferenceDataException or InvalidOperationException or FormatException or IOException)
        {
            throw new UsageException(e.Message, e);
        }

        return new CommandContext(data, policy, configuration.Section<IntakeSettings>(), OrderStore.Open(database, clock));
    }

    public Rules.Reference.Partner Partner(string id) =>
        Data.Partner(id) ?? throw new UsageException($"--partner '{id}' is not in partners.csv");

    public void Dispose() => Store.Dispose();
}
