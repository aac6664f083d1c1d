using Integra.Gateway.Cli;

namespace Integra.Gateway.Tests;

/// <summary>
/// Runs the real command line against an order store (a temp SQLite file unless <paramref name="database"/> names
/// another, e.g. a PostgreSQL database) and a temp output folder, with the shipped reference data.
/// </summary>
internal sealed class CliHarness(string? database = null) : IDisposable
{
    private readonly TempDir _temp = new();

    public string Db => database ?? _temp.File("gateway.db");

    public string Out => _temp.File("out");

    public string Data { get; set; } = Repo.SampleData;

    public string Dir => _temp.Path;

    /// <summary>The channel <see cref="Process"/> files arrive on: later answers to their orders go back on it.</summary>
    public string Channel { get; set; } = "sftp";

    public Task<int> Process(string partner, string received, params string[] files) =>
        GatewayCli.InvokeAsync(["process", "--data", Data, "--db", Db, "--out", Out, "--partner", partner, "--received", received, "--channel", Channel, .. files]);

    public Task<int> Review(string partner, string pon, string now, params string[] decision) =>
        GatewayCli.InvokeAsync(["review", "--data", Data, "--db", Db, "--out", Out, "--now", now, "--partner", partner, "--pon", pon, .. decision]);

    public Task<int> Sweep(string now) =>
        GatewayCli.InvokeAsync(["sweep", "--data", Data, "--db", Db, "--out", Out, "--now", now]);

    public Task<int> NpacImport(string file) =>
        GatewayCli.InvokeAsync(["npac-import", "--data", Data, "--db", Db, file]);

    /// <summary>Every data row of every file in <c>--out/&lt;folder&gt;</c> whose name starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<Dictionary<string, string>> AllRows(string folder, string prefix)
    {
        var dir = Path.Combine(Out, folder);
        return !Directory.Exists(dir) ? [] : Directory.GetFiles(dir, prefix + "*").Order().SelectMany(f => Rows(folder, Path.GetFileName(f))).ToList();
    }

    /// <summary>The data rows of a response file, as cells by column name.</summary>
    public IReadOnlyList<Dictionary<string, string>> Rows(string partner, string responseName)
    {
        var lines = ReadCsv(Path.Combine(Out, partner, responseName));
        return lines.Skip(1).Select(cells => lines[0].Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public string Text(string partner, string responseName) => File.ReadAllText(Path.Combine(Out, partner, responseName));

    /// <summary>Writes a request file into the temp folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _temp.Dispose();

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvParser(reader, System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }
}
