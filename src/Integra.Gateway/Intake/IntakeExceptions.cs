
namespace Integra.Gateway.Intake;

/// <summary>The file passed the size or row limit while being read (F04).</summary>
internal sealed class FileTooLargeException : Exception
{
    public FileTooLargeException()
        : base("file exceeds the intake limits")
    {
    }
}

/// <summary>The file decoded as UTF-8 but holds NUL characters: it is not a text file (F01).</summary>
internal sealed class BinaryContentException : Exception
{
    public BinaryContentException()
        : base("file holds binary content")
    {
    }

    public static void ThrowIfBinary(string[] cells)
    {
        foreach (var cell in cells)
        {
            if (cell.Contains('\0', StringComparison.Ordinal))
            {
                throw new BinaryContentException();
            }
        }
    }
}
