using Dapper;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage.Queries;
using NodaTime;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>The answers to evidence requests and their documents: written with the request's move, read hash-checked.</summary>
public sealed partial class EvidenceStore
{
    private const string InDatabase = "database";
    private const string InFolder = "folder";

    private const string AnswersSql = """
        SELECT a.id AS Id, a.request_id AS RequestId, a.answered_by AS AnsweredBy, a.answered_at AS AnsweredAt, a.text AS Text
        FROM evidence_answers a WHERE a.request_id = @requestId AND (@partner IS NULL OR a.partner = @partner) ORDER BY a.id
        """;

    private const string AnswerFilesSql = """
        SELECT f.id AS Id, f.answer_id AS AnswerId, f.name AS Name, f.content_type AS ContentType, f.size AS Size, f.sha256 AS Sha256
        FROM evidence_files f JOIN evidence_answers a ON a.id = f.answer_id
        WHERE a.request_id = @requestId AND (@partner IS NULL OR f.partner = @partner) ORDER BY f.id
        """;

    private const string ContentColumns = """
        SELECT f.id AS Id, f.name AS Name, f.content_type AS ContentType, f.size AS Size, f.sha256 AS Sha256, f.content AS Content,
               f.stored_in AS StoredIn, a.request_id AS RequestId, a.answered_at AS AnsweredAt
        FROM evidence_files f JOIN evidence_answers a ON a.id = f.answer_id
        """;

    /// <inheritdoc cref="IEvidenceStore.AnswersAsync"/>
    public async Task<IReadOnlyList<EvidenceAnswer>> AnswersAsync(string? partner, long requestId, CancellationToken cancellationToken)
    {
        // One after the other on the one connection.
        var answers = (await uow.Connection.QueryAsync<AnswerRow>(uow.Command(AnswersSql, new { requestId, partner }, cancellationToken)).ConfigureAwait(false)).ToList();
        var files = (await uow.Connection.QueryAsync<FileRow>(uow.Command(AnswerFilesSql, new { requestId, partner }, cancellationToken)).ConfigureAwait(false)).ToLookup(f => f.AnswerId);
        return Answers(answers, files);
    }

    /// <summary>
    /// <see cref="IEvidenceStore.AddAnswerAsync"/> on this unit of work: the documents go into <paramref name="folder"/>
    /// (null: into the database), under the request's lock, with the request's move in the same transaction.
    /// </summary>
    public async Task<long?> AddAnswerAsync(string partner, long requestId, string answeredBy, string text, IReadOnlyList<EvidenceDocument> documents, Instant at, EvidenceFolder? folder, CancellationToken cancellationToken)
    {
        await using var transaction = await uow.BeginAsync(cancellationToken).ConfigureAwait(false);
        await uow.LockAsync($"evidence-request:{requestId}", cancellationToken).ConfigureAwait(false);
        var request = (await RequestsAsync("WHERE id = @requestId AND partner = @partner", new { requestId, partner }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (request is null || !request.Answerable(at))
        {
            return null;
        }

        var answerId = await uow.Connection.ExecuteScalarAsync<long>(uow.Command(
            "INSERT INTO evidence_answers (request_id, partner, answered_by, answered_at, text) VALUES (@requestId, @partner, @answeredBy, @at, @text) RETURNING id",
            new { requestId, partner, answeredBy, at = StoreFormats.Text(at), text },
            cancellationToken)).ConfigureAwait(false);
        foreach (var d in documents)
        {
            // Into the folder before the row that names it commits: a row never points at bytes that are not there. A
            // transaction that fails afterwards leaves a file no row names, which the retention job may remove.
            var sha256 = Sha256(d.Content);
            folder?.Write(sha256, d.Content);
            await uow.Connection.ExecuteAsync(uow.Command(
                "INSERT INTO evidence_files (answer_id, partner, name, content_type, size, sha256, content, stored_in) VALUES (@answerId, @partner, @Name, @ContentType, @size, @sha256, @content, @storedIn)",
                new { answerId, partner, d.Name, d.ContentType, size = (long)d.Content.Length, sha256, content = folder is null ? d.Content : Array.Empty<byte>(), storedIn = folder is null ? InDatabase : InFolder },
                cancellationToken)).ConfigureAwait(false);
        }

        // Only the state seen under the lock moves: a desk decision in between makes this answer fail as a whole.
        var moved = await ExecuteAsync(
            "UPDATE evidence_requests SET state = @answered WHERE id = @requestId AND state = @seen",
            new { requestId, answered = EvidenceStates.Answered, seen = request.State },
            cancellationToken).ConfigureAwait(false);
        if (moved != 1)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return answerId;
    }

    /// <summary><see cref="IEvidenceStore.ReadFileAsync"/>, the documents kept in a folder read from <paramref name="folder"/>.</summary>
    /// <exception cref="EvidenceIntegrityException">The bytes no longer match the recorded hash, or are missing.</exception>
    public async Task<EvidenceFileContent?> ReadFileAsync(string? partner, long fileId, EvidenceFolder? folder, CancellationToken cancellationToken) =>
        await uow.Connection.QuerySingleOrDefaultAsync<ContentRow>(uow.Command(
                ContentColumns + " WHERE f.id = @fileId AND (@partner IS NULL OR f.partner = @partner)",
                new { fileId, partner },
                cancellationToken)).ConfigureAwait(false) is { } row
            ? Checked(row, folder)
            : null;

    private static List<EvidenceAnswer> Answers(IEnumerable<AnswerRow> answers, ILookup<long, FileRow> files) =>
        answers.Select(a => new EvidenceAnswer(
            a.Id, a.RequestId, a.AnsweredBy, StoreFormats.Instant(a.AnsweredAt), a.Text,
            files[a.Id].Select(f => new EvidenceFileInfo(f.Id, f.Name, f.ContentType, f.Size, f.Sha256)).ToList())).ToList();

    private static EvidenceFileContent Checked(ContentRow row, EvidenceFolder? folder)
    {
        var what = $"evidence file {row.Id} ({row.Name})";
        var content = row.StoredIn switch
        {
            InDatabase => row.Content,
            InFolder when folder is null => throw EvidenceIntegrityException.Missing(what, "an evidence folder: it is kept in one, and Disputes:EvidenceFolder is not set"),
            InFolder => folder.Read(row.Sha256) ?? throw EvidenceIntegrityException.Missing(what, folder.PathOf(row.Sha256)),
            _ => throw new InvalidDataException($"{what} is stored in '{row.StoredIn}', which this binary does not know"),
        };
        var actual = Sha256(content);
        if (!string.Equals(actual, row.Sha256, StringComparison.Ordinal))
        {
            throw new EvidenceIntegrityException(what, row.Sha256, actual);
        }

        return new EvidenceFileContent(new EvidenceFileInfo(row.Id, row.Name, row.ContentType, row.Size, row.Sha256), row.RequestId, StoreFormats.Instant(row.AnsweredAt), content);
    }

    private sealed record AnswerRow(long Id, long RequestId, string AnsweredBy, string AnsweredAt, string Text);

    private sealed record FileRow(long Id, long AnswerId, string Name, string ContentType, long Size, string Sha256);

    private sealed record ContentRow(long Id, string Name, string ContentType, long Size, string Sha256, byte[] Content, string StoredIn, long RequestId, string AnsweredAt);
}
