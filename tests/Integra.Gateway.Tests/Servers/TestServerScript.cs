using System.Diagnostics;

namespace Integra.Gateway.Tests.Servers;

/// <summary>Runs <c>scripts/test-servers.sh COMMAND DIR</c>, the one place that knows how to start the test servers.</summary>
internal static class TestServerScript
{
    public static void Run(string command, string dir)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "scripts", "test-servers.sh"), command, dir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"test-servers.sh {command} failed: {error}");
        }
    }
}
