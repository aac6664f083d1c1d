
namespace Integra.Gateway.Storage;

/// <summary>
/// One schema step. <see cref="Common"/> is written in the SQL both databases share (SQLite type words, mapped for
/// PostgreSQL by <c>StoreDialect.Ddl</c>); the extras are for what only one of them has or needs.
/// </summary>
internal sealed record Migration(string Common, string SqliteOnly = "", string PostgresOnly = "");
