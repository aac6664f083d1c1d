using System.Text.Json;

namespace Integra.Gateway.Operations;

/// <summary>
/// The JSON of the operations reports (<c>status --json</c>, <c>show --json</c>, <c>/healthz</c>, the audit's
/// history.json): indented, camelCase, one shape wherever a report is read.
/// </summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
