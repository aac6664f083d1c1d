using System.Globalization;
using Integra.Gateway.Bench;

// Issue 18: on one generated 50,000-row LSR file, (a) bare parse, (b) durable-write floor, (c) `process`, (d) daemon path.
// Usage: dotnet run -c Release --project bench/Integra.Gateway.Bench [-- [throughput] ROWS [ROUNDS [POSTGRES_SERVER]]]
// (bench/throughput-bench.sh runs it on SQLite and on a PostgreSQL started for the run)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- daemon [ROWS [RUNS]]  (only (d), to profile)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- sftp SERVERS_ENV [FILES]  (see bench/sftp-bench.sh)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- repeat [ROWS [TNS]]  (one CSR file repeating one PON, then sent again)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- backlog [FILES [CSR_ROWS]]  (a local drop's backlog, mixed files)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- backlog-files INBOUND FILES CSR_ROWS  (writes that backlog; see bench/backlog-drain.sh)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- sweep [ORDERS [POSTGRES_CONNECTION]]  (see bench/sweep-bench.sh)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- portal-load [USERS [SECONDS [POSTGRES_SERVER]]]  (see bench/portal-load.sh)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- api-load [CLIENTS [SECONDS [POSTGRES_SERVER]]]  (see bench/api-load.sh)
if (args.Length > 0 && args[0] == "api-load")
{
    await Integra.Gateway.Bench.ApiLoad.ApiLoadBench.RunAsync(
        FindSamples(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30,
        args.Length > 3 ? args[3] : null);
    return;
}

if (args.Length > 0 && args[0] == "portal-load")
{
    await Integra.Gateway.Bench.PortalLoad.PortalLoadBench.RunAsync(
        FindSamples(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30,
        args.Length > 3 ? args[3] : null);
    return;
}

if (args.Length > 0 && args[0] == "sweep")
{
    await SweepBench.RunAsync(FindSamples(), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, args.Length > 2 ? args[2] : null);
    return;
}

if (args.Length > 0 && args[0] == "repeat")
{
    await RepeatBench.RunAsync(
        FindSamples(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
        Math.Max(BulkData.TnsPerAccount, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : BulkData.TnsPerAccount));
    return;
}

if (args.Length > 0 && args[0] == "backlog")
{
    await BacklogBench.RunAsync(
        FindSamples(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000);
    return;
}

if (args.Length > 0 && args[0] == "backlog-files")
{
    BacklogFiles.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    return;
}

if (args.Length > 0 && args[0] == "sftp")
{
    await SftpBench.RunAsync(args[1], FindSamples(), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000);
    return;
}

if (args.Length > 0 && args[0] == "daemon")
{
    await ThroughputBench.DaemonOnlyAsync(
        FindSamples(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
    return;
}

if (args.Length > 0 && args[0] == "peak")
{
    await ThroughputBench.PeakAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4], args[5]);
    return;
}

// (a) parse, (b) durable-write floor, (c) process, (d) daemon path; on PostgreSQL when a server is given.
var rest = args.Length > 0 && args[0] == "throughput" ? args[1..] : args;
await ThroughputBench.RunAsync(
    FindSamples(),
    rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 50_000,
    rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 5,
    rest.Length > 2 ? rest[2] : null);

static string FindSamples()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "samples", "reference");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException("samples/reference not found above the benchmark");
}
