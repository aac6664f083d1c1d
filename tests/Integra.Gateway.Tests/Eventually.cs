namespace Integra.Gateway.Tests;

/// <summary>
/// For tests of the real daemon, whose workers run on their own: checks a condition until it holds or a bound
/// passes. Not a timing assertion — the bound only keeps a broken daemon from hanging the suite.
/// </summary>
internal static class Eventually
{
    public static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan bound)
    {
        for (var deadline = DateTime.UtcNow + bound; ; await Task.Delay(100))
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
        }
    }

    public static Task<bool> Until(Func<bool> condition, TimeSpan bound) => Until(() => Task.FromResult(condition()), bound);
}
