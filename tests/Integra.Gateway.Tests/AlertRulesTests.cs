using System.Diagnostics;

namespace Integra.Gateway.Tests;

/// <summary>Issue 29 item 5: the shipped Prometheus alert rules are valid, as Prometheus's own checker says.</summary>
public sealed class AlertRulesTests
{
    /// <summary>promtool ships with Debian's <c>prometheus</c> package (scripts/ci-packages.txt).</summary>
    private static string? Promtool() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "promtool"))
            .FirstOrDefault(File.Exists);

    [SkippableFact]
    public void The_shipped_alert_rules_pass_promtool_check_rules()
    {
        var promtool = Promtool();
        Skip.If(promtool is null, "promtool is not installed (Debian package prometheus; scripts/test installs it as root)");

        var rules = Path.Combine(Repo.Root, "config", "alerts.yml");
        var start = new ProcessStartInfo(promtool!, ["check", "rules", rules]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"promtool: {output} {error.Result}");
        Assert.Contains("SUCCESS: 9 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_metric_the_rules_use_is_one_the_gateway_documents()
    {
        var rules = File.ReadAllText(Path.Combine(Repo.Root, "config", "alerts.yml"));
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var documented = System.Text.RegularExpressions.Regex.Matches(readme, @"`(gateway\.[a-z_.]+)`").Select(m => m.Groups[1].Value.Replace('.', '_')).ToHashSet();
        var used = System.Text.RegularExpressions.Regex.Matches(rules, @"\bgateway_[a-z_]+").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(used);
        foreach (var metric in used)
        {
            // Prometheus names are the instrument's with '.' as '_' and a unit suffix (_seconds).
            Assert.True(documented.Contains(metric) || documented.Contains(metric.Replace("_seconds", string.Empty, StringComparison.Ordinal)), $"{metric} is not in the README's metrics table");
        }
    }
}
