
namespace Integra.Gateway.Intake;

/// <summary>The kind of a request file, from its name (SPEC §2).</summary>
public enum FileKind
{
    Lsr,
    Csr,
}

/// <summary>Tells the kind of a request file from its name and derives its response name (SPEC §5).</summary>
public static class FileKinds
{
    private const string LsrSuffix = ".lsr.csv";
    private const string CsrSuffix = ".csr.csv";

    /// <summary>The kind for <c>*.lsr.csv</c> / <c>*.csr.csv</c> (any case); null for anything else (F03).</summary>
    public static FileKind? FromName(string fileName)
    {
        if (fileName.EndsWith(LsrSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Lsr;
        }

        return fileName.EndsWith(CsrSuffix, StringComparison.OrdinalIgnoreCase) ? FileKind.Csr : null;
    }

    /// <summary><c>batch7.lsr.csv</c> → <c>batch7.lsr.resp.csv</c>; any other name gets <c>.resp.csv</c> in place of its extension.</summary>
    public static string ResponseName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        var stem = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return stem + ".resp.csv";
    }
}
