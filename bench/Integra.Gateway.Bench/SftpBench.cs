using System.Diagnostics;
using System.Globalization;
using Integra.Gateway.Drops;
using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Bench;

/// <summary>
/// 1,000 small LSR files picked up, answered and archived by the gateway over SFTP, against OpenSSH
/// <c>sftp -b</c> getting all of them and putting as many files, against the same sshd in the same run.
/// Needs the servers of scripts/test-servers.sh (bench/sftp-bench.sh starts them).
/// </summary>
internal static class SftpBench
{
    public static async Task RunAsync(string serversEnv, string samples, int files)
    {
        var env = File.ReadAllLines(serversEnv).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var root = Path.Combine(env["SFTP_ROOT"], $"bench-{Guid.NewGuid():N}");
        var work = Path.Combine(Path.GetTempPath(), $"integra-sftp-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var settings = Settings(env, root);
            var data = ReferenceDataLoader.Load(samples);
            Seed(settings.Inbound, files);

            // Baseline: OpenSSH sftp in batch mode, one session: get every file, put as many.
            var batch = Path.Combine(work, "batch.txt");
            var local = Path.Combine(work, "local");
            Directory.CreateDirectory(local);
            var upload = Path.Combine(root, "baseline-up");
            Directory.CreateDirectory(upload);
            await File.WriteAllLinesAsync(batch, Enumerable.Range(0, files).SelectMany(i => new[]
            {
                $"get {settings.Inbound}/b{i:D4}.lsr.csv {local}/b{i:D4}.lsr.csv",
                $"put {local}/b{i:D4}.lsr.csv {upload}/b{i:D4}.lsr.resp.csv",
            }));
            var baseline = Stopwatch.StartNew();
            Sftp(env, batch);
            baseline.Stop();

            // The gateway: two listings (the quiet period is zero) then every file end to end.
            var clock = new MovingClock();
            using var store = BenchStores.Open(Path.Combine(work, "bench.db"), clock);
            using var folder = new SftpDropFolder("ACME", settings, NullLogger.Instance);
            var poller = new DropPoller(
                data.Partner("ACME")!, "sftp", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store),
                store.Intake, clock, Duration.Zero, NullLogger.Instance);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var gateway = Stopwatch.StartNew();
            var done = await poller.PollAsync(default) + await poller.PollAsync(default);
            gateway.Stop();
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;

            if (done != files || Directory.GetFiles(settings.Outbound).Length != files || Directory.GetFiles(settings.Archive).Length != files)
            {
                throw new InvalidOperationException($"gateway finished {done} of {files} files");
            }

            Console.WriteLine($"files                        {files}");
            Console.WriteLine($"OpenSSH sftp -b get+put      {baseline.Elapsed.TotalMilliseconds,8:F0} ms");
            Console.WriteLine($"gateway pickup+answer+archive {gateway.Elapsed.TotalMilliseconds,7:F0} ms");
            Console.WriteLine($"gateway process CPU          {cpu.TotalMilliseconds,8:F0} ms  ({cpu.TotalMilliseconds / files:F1} ms a file, {settings.Connections} connections)");
            Console.WriteLine($"ratio gateway/sftp           {gateway.Elapsed / baseline.Elapsed,8:F2}x  (target <= 1.5x)");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            Directory.Delete(root, recursive: true);
        }
    }

    private static SftpPartnerSettings Settings(Dictionary<string, string> env, string root)
    {
        foreach (var f in new[] { "in", "out", "archive", "error" })
        {
            Directory.CreateDirectory(Path.Combine(root, f));
        }

        return new SftpPartnerSettings
        {
            Host = env["SFTP_HOST"],
            Port = int.Parse(env["SFTP_PORT"], CultureInfo.InvariantCulture),
            User = env["SFTP_USER"],
            PrivateKeyFile = env["SFTP_KEY"],
            HostKeySha256 = env["SFTP_HOSTKEY_SHA256"],
            Inbound = Path.Combine(root, "in"),
            Outbound = Path.Combine(root, "out"),
            Archive = Path.Combine(root, "archive"),
            Error = Path.Combine(root, "error"),
        };
    }

    private static void Seed(string inbound, int files)
    {
        const string header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI";
        for (var i = 0; i < files; i++)
        {
            File.WriteAllText(
                Path.Combine(inbound, $"b{i:D4}.lsr.csv"),
                $"{header}\nACM,SB-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550101,A\nACM,SB-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550102,A\n");
        }
    }

    private static void Sftp(Dictionary<string, string> env, string batch)
    {
        var start = new ProcessStartInfo("sftp", ["-q", "-b", batch, "-i", env["SFTP_KEY"], "-P", env["SFTP_PORT"], "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", $"{env["SFTP_USER"]}@{env["SFTP_HOST"]}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sftp -b failed: {error}");
        }
    }

    /// <summary>Real time for the bench: the quiet period is zero, so only the two listings matter.</summary>
    private sealed class MovingClock : IClock
    {
        public Instant GetCurrentInstant() => SystemClock.Instance.GetCurrentInstant();
    }
}
