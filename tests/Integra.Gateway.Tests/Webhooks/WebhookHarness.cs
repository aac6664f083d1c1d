using System.Diagnostics.Metrics;
using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Storage.Webhooks;
using Integra.Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime.Testing;

namespace Integra.Gateway.Tests.Webhooks;

/// <summary>
/// The webhook feed and sender of the daemon over one store, on a fake clock: <see cref="RoundAsync"/> is one round
/// of the daemon's worker, run when the test says so.
/// </summary>
internal sealed class WebhookHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly HttpClient _http;

    public WebhookHarness(string database, FakeClock clock, WebhookSettings? settings = null, bool allowLoopback = true)
    {
        SchemaMigrator.Migrate(database);
        Clock = clock;
        Settings = settings ?? new WebhookSettings();

        // The receivers of these tests listen on 127.0.0.1, which production refuses (WebhookTargets).
        Settings.AllowLoopback = allowLoopback;
        _services = new ServiceCollection().AddMetrics().AddSingleton<GatewayMetrics>().BuildServiceProvider();
        var store = new StoreDatabase(database);
        Stores = new UnitOfWorkFactory(store, clock, new StoreAvailability(store, NullLogger<StoreAvailability>.Instance));
        Feed = new WebhookFeed(Stores, clock);
        _http = WebhookRegistration.Client(Settings);
        Sender = new WebhookSender(Stores, _http, clock, Options.Create(Settings), _services.GetRequiredService<GatewayMetrics>(), new Typed<WebhookSender>(Log));
        Endpoints = new WebhookStore(Stores);
    }

    public FakeClock Clock { get; }

    public WebhookSettings Settings { get; }

    public UnitOfWorkFactory Stores { get; }

    public WebhookFeed Feed { get; }

    public WebhookSender Sender { get; }

    public WebhookStore Endpoints { get; }

    public CapturingLogger Log { get; } = new();

    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    /// <summary>A feed pass, then every delivery due; returns the attempts made.</summary>
    public async Task<int> RoundAsync()
    {
        await Feed.PassAsync(CancellationToken.None);
        return await Sender.DeliverDueAsync(CancellationToken.None);
    }

    public IReadOnlyDictionary<WebhookDeliveryState, long> DeliveriesByState()
    {
        using var store = Stores.Open();
        return store.WebhookDeliveries.CountByState();
    }

    public void Dispose()
    {
        _http.Dispose();
        _services.Dispose();
    }

    private sealed class Typed<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
