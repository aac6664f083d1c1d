using Dapper;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.ResponseFiles;

/// <summary>
/// The response file of each decided request file, kept as the rows its channel delivered (SPEC §5), with the
/// CCNA+PON of every order it answers: the portal offers an order's response files for download exactly as the
/// partner got them, whichever channel they came on. The rows, not the bytes, are kept: every channel writes them
/// with <see cref="ResponseWriter"/>, so the same rows give the same bytes.
/// </summary>
public sealed class ResponseFileStore(IUnitOfWork uow)
{
    /// <summary>
    /// Keeps the response <paramref name="responseName"/> to <paramref name="requestName"/>, received from
    /// <paramref name="partner"/> on <paramref name="channel"/> at <paramref name="received"/>, inside the caller's unit
    /// of work. Deciding the same upload again (a crash before delivery, a lost mail reply answered again) replaces the
    /// kept file: the partner gets the answer of the last decision, and only one file of that upload is listed.
    /// </summary>
    public async Task RecordAsync(string partner, Channel channel, string requestName, Instant received, string responseName, OrderKind kind, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken)
    {
        var key = new { partner, channel = StoredText.Of(channel), requestName, receivedAt = StoreFormats.Text(received) };
        var earlier = await uow.ExecuteScalarAsync<long?>(
            "SELECT id FROM response_files WHERE partner = @partner AND channel = @channel AND request_name = @requestName AND received_at = @receivedAt",
            key,
            cancellationToken);
        if (earlier is { } old)
        {
            await uow.ExecuteAsync("DELETE FROM response_file_orders WHERE file_id = @old", new { old }, cancellationToken);
            await uow.ExecuteAsync("DELETE FROM response_files WHERE id = @old", new { old }, cancellationToken);
        }

        // The cells go as UTF-8 bytes, written once: a whole file's rows as a string were two more copies of them.
        var id = await uow.ExecuteScalarAsync<long>(
            $"""
            INSERT INTO response_files (partner, channel, request_name, received_at, name, cells, created_at)
            VALUES (@partner, @channel, @requestName, @receivedAt, @name, {uow.Dialect.TextFromUtf8("@cells")}, @now) RETURNING id
            """,
            new
            {
                key.partner, key.channel, key.requestName, key.receivedAt, name = responseName,
                cells = StoredJson.ResponseUtf8(rows), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()),
            },
            cancellationToken);

        // Orders are filed under the upper-case CCNA (LsrRequestHandler); rows carry the CCNA as the partner wrote it.
        var orders = rows.Where(r => r.Pon.Length > 0 && r.Ccna.Length > 0)
            .Select(r => (Ccna: r.Ccna.ToUpperInvariant(), r.Pon))
            .Distinct()
            .Select(o => new object?[] { id, partner, StoredText.Of(kind), o.Ccna, o.Pon });
        await uow.Statements.InsertRowsAsync("response_file_orders", ["file_id", "partner", "kind", "ccna", "pon"], orders, null, cancellationToken);
    }

    /// <summary>
    /// The kept response to this upload went out as <paramref name="responseName"/>: the numbered name its channel
    /// gave it because the plain one was taken (SPEC §5), so the portal offers it under the name the partner got.
    /// </summary>
    public Task RenamedAsync(string partner, Channel channel, string requestName, Instant received, string responseName, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE response_files SET name = @responseName WHERE partner = @partner AND channel = @channel AND request_name = @requestName AND received_at = @receivedAt",
            new { partner, channel = StoredText.Of(channel), requestName, receivedAt = StoreFormats.Text(received), responseName },
            cancellationToken);
}

/// <summary>The <see cref="ResponseFileStore"/> of a unit of work.</summary>
public static class ResponseFileStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The response file of each decided request file.</summary>
        public ResponseFileStore ResponseFiles => uow.Store(static u => new ResponseFileStore(u));
    }
}
