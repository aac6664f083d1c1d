using System.Text.Json;

namespace Integra.Gateway.Cli;

/// <summary>What the read-only operations commands (<c>status</c>, <c>show</c>) share: the store they read and JSON output.</summary>
internal static class OperationsOutput
{
    public static void Write(object report, bool json, Func<string> text) =>
        Console.Out.Write(json ? JsonSerializer.Serialize(report, Operations.ReportJson.Options) + Environment.NewLine : text());
}
