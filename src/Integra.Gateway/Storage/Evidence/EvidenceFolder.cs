using Integra.Gateway.Portal.Disputes;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>
/// Evidence documents in a folder, content addressed: the bytes whose SHA-256 is <c>h</c> are the file
/// <c>h[0..2]/h</c>. A file is written once (to a temporary name, flushed to disk, then renamed into place) and never
/// changed or removed here; removal is the retention job's (issue 27 item 5, <c>Retention:Evidence</c>). Two
/// documents with the same bytes share one file. Thread-safe and safe for several instances on one shared folder.
/// </summary>
public sealed class EvidenceFolder(string root)
{
    /// <summary>The folder's full path.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Where the bytes with hash <paramref name="sha256"/> (lower-case hex) are kept.</summary>
    public string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Root, sha256[..2], sha256)
            : throw new ArgumentException($"'{sha256}' is not a lower-case SHA-256", nameof(sha256));

    /// <summary>Keeps <paramref name="content"/> under <paramref name="sha256"/>, its hash, unless a file with these bytes is there already.</summary>
    /// <exception cref="EvidenceIntegrityException">A file is there under that hash with other bytes: it is kept as it is, for whoever looks into it.</exception>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public void Write(string sha256, byte[] content)
    {
        var target = PathOf(sha256);
        if (File.Exists(target))
        {
            CheckExisting(sha256, target);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{sha256}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // Read-only for everyone: a document is evidence, nothing in the gateway writes it twice.
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.GroupRead);
            }

            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another answer (or instance) kept the same bytes first.
            CheckExisting(sha256, target);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The bytes kept under <paramref name="sha256"/>; null when there is no such file.</summary>
    /// <remarks>The caller checks the hash (<see cref="EvidenceStore"/> does on every read).</remarks>
    public byte[]? Read(string sha256)
    {
        try
        {
            return File.ReadAllBytes(PathOf(sha256));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static void CheckExisting(string sha256, string path)
    {
        var actual = EvidenceStore.Sha256(File.ReadAllBytes(path));
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            throw new EvidenceIntegrityException($"evidence folder file {path}", sha256, actual);
        }
    }
}
