using System.Collections.Concurrent;

namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>The failed requests of a run: counted per request type, the first few kept to print.</summary>
internal sealed class LoadErrors
{
    private const int Kept = 10;
    private readonly ConcurrentQueue<string> _first = new();
    private int _count;

    public int Count => _count;

    public void Add(RequestType type, string what)
    {
        if (Interlocked.Increment(ref _count) <= Kept)
        {
            _first.Enqueue($"{Latencies.Name(type)}: {what}");
        }
    }

    public IEnumerable<string> First => _first;
}
