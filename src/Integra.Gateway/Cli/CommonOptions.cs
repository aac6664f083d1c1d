using System.CommandLine;

namespace Integra.Gateway.Cli;

/// <summary>Options shared by the one-shot commands (SPEC §6).</summary>
internal sealed class CommonOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "Reference data directory (SPEC §3; default: Gateway:DataDirectory from the settings)" };

    public Option<string?> Db { get; } = new("--db") { Description = "Order store: a SQLite file, or a PostgreSQL connection string (Host=...; default: Gateway:Database from the settings)" };

    public Option<string> Out { get; } = new("--out") { Description = "Output directory; responses go to DIR/<PARTNER>/", Required = true };
}
