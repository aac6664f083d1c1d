using Integra.Gateway.Configuration;
using Integra.Gateway.Hosting.Health;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Resilience;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 item 5, in process: which store failures pass by themselves, and an outage told once, retried on fresh
/// work each time, ended once, with health Degraded (never Unhealthy) meanwhile.
/// </summary>
public sealed class StoreAvailabilityTests : IDisposable
{
    private readonly TempDir _temp = new();
    private readonly CapturingLogger _log = new();

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { new PostgresException("connection failure", "FATAL", "FATAL", "08006"), true },
        { new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), true },
        { new SqliteException("database is locked", 5), true },
        { new InvalidOperationException("wrapped", new TimeoutException()), true },
        { new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"), false },
        { new PostgresException("relation \"orders\" does not exist", "ERROR", "ERROR", "42P01"), false },
        { new SqliteException("no such table: orders", 1), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Connection_losses_restarts_and_busy_files_are_transient_and_errors_of_the_sql_are_not(Exception failure, bool transient) =>
        Assert.Equal(transient, StoreFailures.IsTransient(failure));

    [Fact]
    public void An_outage_is_told_once_retried_on_fresh_work_and_its_end_told_once()
    {
        var availability = Availability();
        var attempts = 0;

        var result = availability.Run("a page", () =>
        {
            attempts++;
            return attempts < 3 ? throw new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) : "answered";
        });

        Assert.Equal("answered", result);
        Assert.Equal(3, attempts);
        Assert.Single(_log.Entries, e => e.Id.Name == "StoreUnavailable");
        Assert.Single(_log.Entries, e => e.Id.Name == "StoreRecovered");
        Assert.Null(availability.Outage);
    }

    [Fact]
    public void A_failure_that_is_not_transient_is_not_retried_and_no_outage()
    {
        var availability = Availability();
        var attempts = 0;

        Assert.Throws<InvalidOperationException>(() => availability.Run<int>("a page", () => throw new InvalidOperationException($"a bug, attempt {++attempts}")));

        Assert.Equal(1, attempts);
        Assert.DoesNotContain(_log.Entries, e => e.Id.Name == "StoreUnavailable");
    }

    [Fact]
    public async Task Health_is_degraded_while_work_still_sees_an_outage_and_healthy_after()
    {
        var database = _temp.File("gateway.db");
        Storage.Migrations.SchemaMigrator.Migrate(database);
        var availability = Availability(database);
        var check = new StoreHealthCheck(database, availability);

        availability.Failed("a round", new SqliteException("database is locked", 5));
        var during = await check.CheckHealthAsync(new HealthCheckContext());
        availability.Succeeded();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, during.Status);
        Assert.Contains("database is locked", during.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private StoreAvailability Availability(string? database = null) =>
        new(new StoreDatabase(database ?? _temp.File("gateway.db")), new Logger(_log));

    private sealed class Logger(CapturingLogger inner) : ILogger<StoreAvailability>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
