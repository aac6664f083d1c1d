using System.Diagnostics;

namespace Integra.Gateway.Tests;

/// <summary>Runs the built integra-gateway executable as operations would, capturing its output.</summary>
internal static class GatewayProcess
{
    public static (int Code, string Out) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        _ = error.Result;
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>
    /// Runs it and returns stderr too. A process still running after <paramref name="timeout"/> (a daemon that
    /// should have refused to start) is killed and fails the test.
    /// </summary>
    public static (int Code, string Out, string Error) RunWithErrors(TimeSpan timeout, params string[] args) =>
        RunWithErrors(timeout, new Dictionary<string, string>(), args);

    /// <inheritdoc cref="RunWithErrors(TimeSpan, string[])"/>
    /// <param name="timeout">How long it may run.</param>
    /// <param name="environment">Variables set for it, beside the test's own.</param>
    /// <param name="args">The command line.</param>
    public static (int Code, string Out, string Error) RunWithErrors(TimeSpan timeout, IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"integra-gateway {string.Join(' ', args)} still running after {timeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
