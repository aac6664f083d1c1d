namespace Integra.Gateway.Cli;

/// <summary>A one-line progress display on stderr for a person at a terminal; nothing in pipes, files or CI.</summary>
internal sealed class TerminalProgress(string what) : IProgress<(int Done, int Total)>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _shown;

    public void Report((int Done, int Total) value) => Show(value.Done, value.Total);

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/>, and what is being worked on when given.</summary>
    public void Show(int done, int total, string? detail = null)
    {
        if (_enabled && total > 0)
        {
            Console.Error.Write($"\r{what}: {done}/{total}{(detail is null ? string.Empty : " " + detail)}\u001b[K");
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
