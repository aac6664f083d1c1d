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
}
