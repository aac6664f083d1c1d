using Integra.Gateway.Configuration;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>What a one-shot command works with: checked settings, reference data, policy, limits, the store.</summary>
internal sealed class CommandContext : IDisposable
{
    private CommandContext(CommandSettings settings, ReferenceData data, OrderStore store)
    {
        Settings = settings;
        Data = data;
        Policy = settings.Configuration.Section<PolicySettings>().ToPolicyOptions();
        Intake = settings.Configuration.Section<IntakeSettings>();
        Store = store;
    }

    public CommandSettings Settings { get; }

    public ReferenceData Data { get; }

    public PolicyOptions Policy { get; }

    public IntakeSettings Intake { get; }

    public OrderStore Store { get; }

    /// <param name="settings">The command's checked settings.</param>
    /// <param name="dataDirectory"><c>--data</c>, or null for <c>Gateway:DataDirectory</c>.</param>
    /// <param name="database"><c>--db</c>, or null for <c>Gateway:Database</c>.</param>
    /// <param name="clock">The clock the store stamps its rows with.</param>
    /// <exception cref="UsageException">Reference data, settings or the store are broken.</exception>
    public static CommandContext Open(CommandSettings settings, string? dataDirectory, string? database, IClock clock)
    {
        var data = settings.LoadReferenceData(dataDirectory);
        return new CommandContext(settings, data, settings.OpenStore(database, clock, writable: true));
    }

    public Rules.Reference.Partner Partner(string id) =>
        Data.Partner(id) ?? throw new UsageException($"--partner '{id}' is not in partners.csv");

    public void Dispose() => Store.Dispose();
}
