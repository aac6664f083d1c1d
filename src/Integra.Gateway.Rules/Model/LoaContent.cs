namespace Integra.Gateway.Rules.Model;

/// <summary>What an LOA document delivered with a CSR request turned out to be, judged by its content.</summary>
public enum LoaContent
{
    /// <summary>No LOA named, or the named file was not delivered.</summary>
    Missing,
    Empty,
    Unrecognized,
    Pdf,
    Tiff,
    Png,
    Jpeg,
}
