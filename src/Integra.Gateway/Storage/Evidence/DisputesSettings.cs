namespace Integra.Gateway.Storage.Evidence;

/// <summary>Where the documents of evidence answers are kept (section "Disputes", issue 27).</summary>
public sealed class DisputesSettings
{
    /// <summary>
    /// A folder for the documents, content addressed by their SHA-256 (<see cref="EvidenceFolder"/>); empty: in the
    /// order store's database (the default). Changing it later is safe: each document's row says where its bytes are,
    /// so the documents stored before stay readable where they are. On several instances the folder must be one shared
    /// folder (a network mount), since any instance may read any document.
    /// </summary>
    public string? EvidenceFolder { get; set; }
}
