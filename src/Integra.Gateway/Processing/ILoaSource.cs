using Integra.Gateway.Csv;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;

namespace Integra.Gateway.Processing;

/// <summary>An LOA document as received: kept as evidence of the end user's authorization.</summary>
public sealed record LoaDocument(string Name, byte[] Content)
{
    /// <summary>Larger documents are not fetched (they count as missing): an LOA is a page or two.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public LoaContent Kind => LoaSniffer.Detect(Content.AsSpan(0, Math.Min(Content.Length, LoaSniffer.HeadLength)), Content.Length);
}

/// <summary>Finds the LOA documents delivered with a request file (beside it in a drop, or attached to the same email).</summary>
public interface ILoaSource
{
    /// <summary>The document named <paramref name="name"/>; null when not delivered, too large, or not a plain file name.</summary>
    LoaDocument? Fetch(string name);
}

/// <summary>LOAs in a local folder. Names with path parts are refused, so a row cannot point outside the folder.</summary>
public sealed class DirectoryLoaSource(string directory) : ILoaSource
{
    public LoaDocument? Fetch(string name)
    {
        if (!SafeFileName.IsPlain(name))
        {
            return null;
        }

        var file = new FileInfo(Path.Combine(directory, name));
        return file.Exists && file.Length <= LoaDocument.MaxBytes ? new LoaDocument(name, File.ReadAllBytes(file.FullName)) : null;
    }
}
