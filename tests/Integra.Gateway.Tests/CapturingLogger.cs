using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Tests;

/// <summary>Keeps every log event with its id, level, rendered message, fields and scopes.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly List<object> _scopes = [];

    public List<Entry> Entries { get; } = [];

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        _scopes.Add(state);
        return new Scope(() => _scopes.Remove(state));
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty)
            : [];
        var scopes = _scopes.OfType<IEnumerable<KeyValuePair<string, object>>>().SelectMany(s => s).ToDictionary(p => p.Key, p => p.Value.ToString() ?? string.Empty);
        Entries.Add(new Entry(eventId, logLevel, formatter(state, exception), fields, scopes) { Exception = exception });
    }

    /// <summary>Every text of every event: message, field values, scope values.</summary>
    public IEnumerable<string> AllText() =>
        Entries.SelectMany(e => new[] { e.Message }.Concat(e.Fields.Values).Concat(e.Scopes.Values));

    public sealed record Entry(EventId Id, LogLevel Level, string Message, Dictionary<string, string> Fields, Dictionary<string, string> Scopes)
    {
        /// <summary>The exception logged with the event (its stack trace goes to the log), if any.</summary>
        public Exception? Exception { get; init; }
    }

    private sealed class Scope(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
