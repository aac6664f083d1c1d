namespace Integra.Gateway.Cli;

/// <summary>A one-line progress display on stderr for a person at a terminal; nothing in pipes, files or CI.</summary>
internal sealed class TerminalProgress(string what) : IProgress<(int Done, int Total)>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _shown;

    public void Report((int Done, int Total) value)
    {
        if (_enabled && value.Total > 0)
        {
            Console.Error.Write($"\r{what}: {value.Done}/{value.Total}\u001b[K");
            _shown = true;
        }
    }

    public void Dispose()
    {
        if (_shown)
        {
            Console.Error.Write("\r\u001b[K");
        }
    }
}
