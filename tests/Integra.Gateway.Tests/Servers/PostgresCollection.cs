namespace Integra.Gateway.Tests.Servers;

/// <summary>
/// In this project the PostgreSQL collection also has the mail servers, for the store outage test's mailbox: the same
/// servers as the servers collection's (see <see cref="TestServersFixture"/>), not a second set. A part of its own
/// because the portal tests compile PostgresFixture.cs without the mail servers.
/// </summary>
public sealed partial class Postgres : ICollectionFixture<TestServersFixture>;
