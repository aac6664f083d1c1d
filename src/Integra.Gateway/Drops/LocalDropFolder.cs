using Integra.Gateway.Csv;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;

namespace Integra.Gateway.Drops;

/// <summary>A drop on the local file system: <c>root/in</c>, <c>out</c>, <c>archive</c>, <c>error</c>.</summary>
public sealed class LocalDropFolder : IDropFolder
{
    private readonly string _in;
    private readonly string _out;
    private readonly string _archive;
    private readonly string _error;

    public LocalDropFolder(string root)
    {
        Location = Path.GetFullPath(root);
        _in = Path.Combine(Location, "in");
        _out = Path.Combine(Location, "out");
        _archive = Path.Combine(Location, "archive");
        _error = Path.Combine(Location, "error");
    }

    public string Location { get; }

    /// <summary>Creates the four folders; returns true when the inbound folder did not exist before.</summary>
    public bool EnsureFolders()
    {
        var created = !Directory.Exists(_in);
        foreach (var dir in new[] { _in, _out, _archive, _error })
        {
            Directory.CreateDirectory(dir);
        }

        return created;
    }

    /// <summary>Copies sample files into the inbound folder (first start on embedded defaults).</summary>
    public void Seed(string sampleDirectory)
    {
        if (!Directory.Exists(sampleDirectory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(sampleDirectory))
        {
            File.Copy(file, Path.Combine(_in, Path.GetFileName(file)), overwrite: false);
        }
    }

    public Task<IReadOnlyList<DropEntry>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DropEntry> entries = new DirectoryInfo(_in).EnumerateFiles()
            .Select(f => new DropEntry(f.Name, f.Length, f.LastWriteTimeUtc))
            .ToList();
        return Task.FromResult(entries);
    }

    public async Task DownloadAsync(string name, Stream destination, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(Path.Combine(_in, name));
        await source.CopyToAsync(destination, cancellationToken);
    }

    public Task<IReadOnlyList<DropEntry>> ListOutboundAsync(CancellationToken cancellationToken)
    {
        // No out folder yet holds no names: the first response creates it.
        IReadOnlyList<DropEntry> entries = !Directory.Exists(_out)
            ? []
            : new DirectoryInfo(_out).EnumerateFiles().Select(f => new DropEntry(f.Name, f.Length, f.LastWriteTimeUtc)).ToList();
        return Task.FromResult(entries);
    }

    public Task DeleteOutboundAsync(string name, CancellationToken cancellationToken)
    {
        // Only the gateway's own temporary names: whatever a partner or an operator put there stays.
        if (!TemporaryNames.IsOurs(name))
        {
            throw new ArgumentException($"'{name}' is not a temporary file of the gateway", nameof(name));
        }

        File.Delete(Path.Combine(_out, name));
        return Task.CompletedTask;
    }

    public Task WriteResponseAsync(string responseName, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken)
    {
        ResponseWriter.WriteFile(Path.Combine(_out, responseName), rows);
        return Task.CompletedTask;
    }

    public Task MoveAsync(string name, bool toError, CancellationToken cancellationToken)
    {
        var source = Path.Combine(_in, name);
        if (File.Exists(source))
        {
            File.Move(source, UniqueTarget(toError ? _error : _archive, name));
        }

        return Task.CompletedTask;
    }

    /// <summary>An archive keeps every upload: a second file of the same name gets a numbered name.</summary>
    private static string UniqueTarget(string directory, string name) =>
        Path.Combine(directory, NumberedName.FirstFree(name, candidate => File.Exists(Path.Combine(directory, candidate))));
}
