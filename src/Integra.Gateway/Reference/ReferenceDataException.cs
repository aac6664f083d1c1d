namespace Integra.Gateway.Reference;

/// <summary>A reference file is missing or broken; the message names the file and line. Exit code 2.</summary>
public sealed class ReferenceDataException : Exception
{
    public ReferenceDataException()
    {
    }

    public ReferenceDataException(string message)
        : base(message)
    {
    }

    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
