using System.Collections.Concurrent;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// Open things the portal's requests reuse (an order store, an intake pipeline: each one database connection). Opening
/// one checks the store's schema inside a write-locked transaction, too costly per page view; keeping every one ever
/// opened would hold a connection per past concurrent request for good (on PostgreSQL, per instance). So at most
/// <c>maxIdle</c> wait idle; beyond that a returned one is closed. The caller closes one whose work failed instead of
/// returning it (its connection may be broken).
/// </summary>
public sealed class IdlePool<T>(Func<T> open, int maxIdle = 16) : IDisposable
    where T : IDisposable
{
    private readonly ConcurrentBag<T> _idle = [];

    /// <summary>An idle one, or a newly opened one: the caller's alone until it is returned.</summary>
    public T Take() => _idle.TryTake(out var item) ? item : open();

    /// <summary>Gives back one whose work succeeded: kept for the next caller, or closed when enough are idle.</summary>
    public void Return(T item)
    {
        if (_idle.Count < maxIdle)
        {
            _idle.Add(item);
        }
        else
        {
            item.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var item))
        {
            item.Dispose();
        }
    }
}
