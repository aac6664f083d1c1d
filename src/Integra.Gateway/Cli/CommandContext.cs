using Integra.Gateway.Configuration;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>
/// What a one-shot command works with: checked settings, and from the command's host (<see cref="CommandHost"/>) the
/// reference data, policy, limits, the store and the processor.
/// </summary>
internal sealed class CommandContext : IDisposable
{
    private readonly CommandHost _host;

    private CommandContext(CommandSettings settings, CommandHost host, IUnitOfWork store)
    {
        Settings = settings;
        _host = host;
        Data = host.Services.GetRequiredService<ReferenceDataSource>().Current;
        Policy = host.Services.GetRequiredService<PolicyOptions>();
        Intake = host.Services.GetRequiredService<IOptions<IntakeSettings>>().Value;
        Store = store;
    }

    public CommandSettings Settings { get; }

    public ReferenceData Data { get; }

    public PolicyOptions Policy { get; }

    public IntakeSettings Intake { get; }

    public IUnitOfWork Store { get; }

    /// <param name="settings">The command's checked settings.</param>
    /// <param name="dataDirectory"><c>--data</c>, or null for <c>Gateway:DataDirectory</c>.</param>
    /// <param name="database"><c>--db</c>, or null for <c>Gateway:Database</c>.</param>
    /// <param name="clock">The clock the store stamps its rows with.</param>
    /// <exception cref="UsageException">Reference data, settings or the store are broken.</exception>
    public static CommandContext Open(CommandSettings settings, string? dataDirectory, string? database, IClock clock)
    {
        var data = settings.LoadReferenceData(dataDirectory);
        var host = CommandHost.Build(settings, dataDirectory, database, clock, data);
        try
        {
            return new CommandContext(settings, host, host.OpenStore(writable: true));
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The host's request file processor on this command's store.</summary>
    public RequestFileProcessor Processor() => _host.Processor(Store);

    public Rules.Reference.Partner Partner(string id) =>
        Data.Partner(id) ?? throw new UsageException($"--partner '{id}' is not in partners.csv");

    public void Dispose()
    {
        Store.Dispose();
        _host.Dispose();
    }
}
