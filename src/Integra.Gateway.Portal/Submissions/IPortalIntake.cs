namespace Integra.Gateway.Portal.Submissions;

/// <summary>
/// The gateway's intake as the portal sees it (SPEC §7 "Submitting"): a form or an uploaded file becomes one request
/// file on channel <c>portal</c>, decided by the same pipeline as every other channel; its answers wait in the
/// partner's portal inbox. Implemented by the gateway (<c>PortalHosting</c>), so the portal holds no rules and no SQL.
/// Every call takes the signed-in user's partner: nothing here ever reads or writes another partner's data.
/// </summary>
public interface IPortalIntake
{
    /// <summary>The largest request file the gateway takes on any channel (F04 past it), for the upload page.</summary>
    long MaxFileBytes { get; }

    /// <summary>The largest LOA the gateway takes beside a CSR request (SPEC §2), on every channel.</summary>
    long MaxLoaBytes { get; }

    /// <summary>
    /// The largest request body the portal reads: a request file and an LOA at their limits (SPEC §2) and the form
    /// around them. Anything larger is refused (413) before it is read into memory or the store.
    /// </summary>
    long MaxUploadBytes { get; }

    /// <summary>
    /// Submits a form as one request file and returns its answer, already in the partner's inbox. The same
    /// <see cref="PortalSubmission.FormId"/> again (a double click, back and resubmit) is the same request: its first
    /// answer comes back with <see cref="PortalAnswer.Repeated"/> set, nothing is decided again.
    /// </summary>
    Task<PortalAnswer> SubmitFormAsync(PortalSubmission submission, RequestForm form, CancellationToken cancellationToken);

    /// <summary>Submits an uploaded request file (<c>*.lsr.csv</c> / <c>*.csr.csv</c>) as it is; otherwise as <see cref="SubmitFormAsync"/>.</summary>
    Task<PortalAnswer> SubmitFileAsync(PortalSubmission submission, UploadedFile file, CancellationToken cancellationToken);

    /// <summary>
    /// The partner's answers, newest first. With <paramref name="submittedBy"/> (a user without VIEW, SPEC §7) only
    /// the answers to the requests that user submitted (their first answers and the later ones of their orders).
    /// </summary>
    /// <param name="partner">Whose inbox.</param>
    /// <param name="limit">How many answers at most.</param>
    /// <param name="submittedBy">The user whose answers alone are listed; null for all of the partner's.</param>
    /// <param name="cancellationToken">The request's: a page left stops its read.</param>
    Task<IReadOnlyList<PortalAnswer>> InboxAsync(string partner, int limit, string? submittedBy, CancellationToken cancellationToken);

    /// <summary>One answer of the partner's inbox; null when there is none with this id for this partner (and submitter, as <see cref="InboxAsync"/>).</summary>
    Task<PortalAnswer?> AnswerAsync(string partner, long id, string? submittedBy, CancellationToken cancellationToken);

    /// <summary>An answer as its <c>.resp.csv</c> file, byte for byte what the SFTP outbound folder would get; null as <see cref="AnswerAsync"/>.</summary>
    Task<UploadedFile?> DownloadAsync(string partner, long id, string? submittedBy, CancellationToken cancellationToken);

    /// <summary>
    /// The request-level fields and TNs of the partner's LSR order's last version, to prefill a supplement; null when
    /// the order is not one of this partner's LSR orders. With <paramref name="submittedBy"/> (a user without VIEW,
    /// SPEC §7) also null unless one of the order's versions was that user's submission, as for <see cref="InboxAsync"/>.
    /// </summary>
    Task<LsrDraft?> LastVersionAsync(string partner, long orderId, string? submittedBy, CancellationToken cancellationToken);

    /// <summary>Whether an LSR for this account would be a simple port, by the rules' own definition.</summary>
    PortClassification Classify(string an, string reqtyp, int tnCount);
}
