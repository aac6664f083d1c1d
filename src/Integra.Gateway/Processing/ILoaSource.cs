using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Processing;

/// <summary>Finds the LOA documents delivered with a request file (beside it in a drop, or attached to the same email).</summary>
public interface ILoaSource
{
    /// <summary>What the document named <paramref name="name"/> is; <see cref="LoaContent.Missing"/> when not delivered or not a plain file name.</summary>
    LoaContent Inspect(string name);
}

/// <summary>LOAs in a local folder. Names with path parts are refused, so a row cannot point outside the folder.</summary>
public sealed class DirectoryLoaSource(string directory) : ILoaSource
{
    public LoaContent Inspect(string name)
    {
        if (!SafeFileName.IsPlain(name))
        {
            return LoaContent.Missing;
        }

        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            return LoaContent.Missing;
        }

        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[Rules.Policy.LoaSniffer.HeadLength];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Rules.Policy.LoaSniffer.Detect(head[..read], stream.Length);
    }
}
