using System.Text.Json;
using Integra.Gateway.Configuration;
using Integra.Gateway.Storage;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>What the read-only operations commands (<c>status</c>, <c>show</c>) share: the store they read and JSON output.</summary>
internal static class OperationsOutput
{
    /// <summary>Opens the existing store at <paramref name="db"/>, or the configured one; never creates a new one by mistake.</summary>
    public static OrderStore OpenExistingStore(string? db)
    {
        var database = db ?? GatewayConfiguration.Build().Section<GatewaySettings>().Database;
        return StoreLocation.Parse(database).Provider != StoreProvider.Sqlite || File.Exists(database)
            ? OrderStore.Open(database, SystemClock.Instance)
            : throw new UsageException($"--db {database}: no order store there");
    }

    public static void Write(object report, bool json, Func<string> text) =>
        Console.Out.Write(json ? JsonSerializer.Serialize(report, Operations.ReportJson.Options) + Environment.NewLine : text());
}
