using Integra.Gateway.Csv;

namespace Integra.Gateway.Processing;

/// <summary>The LOA documents a transport fetched with a request file, before it is decided.</summary>
public sealed class FetchedLoas(IReadOnlyList<LoaDocument> documents) : ILoaSource
{
    public LoaDocument? Fetch(string name) =>
        SafeFileName.IsPlain(name) ? documents.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal)) : null;
}
