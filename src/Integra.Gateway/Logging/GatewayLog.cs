using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Logging;

/// <summary>
/// The gateway's log events: stable ids, names and fields, documented in the README. Operations alert on
/// these names; change a field only by adding a new one. Nothing here takes request content, so a passcode,
/// password, key or message body cannot reach a log line.
/// </summary>
public static partial class GatewayLog
{
    [LoggerMessage(EventId = 100, EventName = "FileAnswered", Level = LogLevel.Information,
        Message = "Answered {File} from {Partner} via {Channel}: {Requests} request(s), {Summary} -> {Response} in {DurationMs} ms")]
    public static partial void FileAnswered(this ILogger logger, string partner, string channel, string file, int requests, string summary, string response, long durationMs);

    [LoggerMessage(EventId = 101, EventName = "RequestDecided", Level = LogLevel.Information,
        Message = "{Kind} {Pon} VER {Ver} from {Partner}: {Outcome} {RejectCodes} ({TnCount} TN row(s)) [{RequestId}]")]
    public static partial void RequestDecided(this ILogger logger, string partner, string kind, string pon, string ver, int tnCount, string outcome, string rejectCodes, string requestId);

    [LoggerMessage(EventId = 102, EventName = "FileRejected", Level = LogLevel.Warning,
        Message = "File {File} from {Partner} via {Channel} could not be processed: {Code} {Reason}")]
    public static partial void FileRejected(this ILogger logger, string partner, string channel, string file, string code, string reason);

    [LoggerMessage(EventId = 110, EventName = "UnsafeFileNameIgnored", Level = LogLevel.Warning,
        Message = "Ignoring file with an unsafe name {File} in the drop of {Partner} at {Location}")]
    public static partial void UnsafeFileNameIgnored(this ILogger logger, string partner, string location, string file);

    [LoggerMessage(EventId = 111, EventName = "OutboxDelivered", Level = LogLevel.Information,
        Message = "Delivered {Count} pending response file(s) to {Partner} at {Location}")]
    public static partial void OutboxDelivered(this ILogger logger, string partner, string location, int count);

    [LoggerMessage(EventId = 112, EventName = "OrphanedTemporaryFileRemoved", Level = LogLevel.Warning,
        Message = "Removed {File} ({Size} bytes, written {Written}) from the outbound folder of {Partner} at {Location}: a temporary file left by an interrupted write")]
    public static partial void OrphanedTemporaryFileRemoved(this ILogger logger, string partner, string location, string file, long size, string written);

    [LoggerMessage(EventId = 120, EventName = "ExpediteReviewPending", Level = LogLevel.Warning,
        Message = "LSR {Pon} VER {Ver} from {Partner} via {Channel} is PND X01: it waits for the desk's expedite review [{RequestId}]")]
    public static partial void ExpediteReviewPending(this ILogger logger, string partner, string channel, string pon, string ver, string requestId);

    [LoggerMessage(EventId = 121, EventName = "ExpediteReviewOverdue", Level = LogLevel.Warning,
        Message = "Expedite review of LSR {Pon} VER {Ver} from {Partner} waiting {BusinessHours:F1} business hours (since {Since}): more than one business day")]
    public static partial void ExpediteReviewOverdue(this ILogger logger, string partner, string pon, string ver, double businessHours, string since);

    [LoggerMessage(EventId = 122, EventName = "EvidenceRequestOverdue", Level = LogLevel.Warning,
        Message = "Evidence request {RequestId} on {Kind} {Pon} of {Partner} is past due: not answered by the end of {DueDate} ({DueAt}), {State}")]
    public static partial void EvidenceRequestOverdue(this ILogger logger, long requestId, string partner, string kind, string pon, string dueDate, string dueAt, string state);

    [LoggerMessage(EventId = 130, EventName = "ActivatedAfterCancel", Level = LogLevel.Error,
        Message = "TN {Tn} of LSR {Pon} (LSRNO {LsrNo}) from {Partner} was activated in NPAC for {Spid} at {ActivatedAt}, after its NPAC CANCEL was delivered: check NPAC by hand")]
    public static partial void ActivatedAfterCancel(this ILogger logger, string partner, string pon, string lsrNo, string tn, string spid, string activatedAt);

    [LoggerMessage(EventId = 200, EventName = "ChannelDown", Level = LogLevel.Error,
        Message = "Channel {Channel} of {Partner} at {Location} is down: {Error}")]
    public static partial void ChannelDown(this ILogger logger, Exception? exception, string partner, string channel, string location, string error);

    [LoggerMessage(EventId = 201, EventName = "ChannelRecovered", Level = LogLevel.Information,
        Message = "Channel {Channel} of {Partner} at {Location} recovered after {DownSeconds:F0} s down")]
    public static partial void ChannelRecovered(this ILogger logger, string partner, string channel, string location, double downSeconds);

    [LoggerMessage(EventId = 202, EventName = "HostKeyRefused", Level = LogLevel.Error,
        Message = "REFUSED SFTP connection for {Partner} to {Location}: host key {Offered} is not the pinned {Pinned} (Sftp:Partners:{Partner}:HostKeySha256). Possible man-in-the-middle or an unannounced server change")]
    public static partial void HostKeyRefused(this ILogger logger, string partner, string location, string offered, string pinned);

    [LoggerMessage(EventId = 300, EventName = "HangupIgnored", Level = LogLevel.Warning,
        Message = "{Signal} received and ignored: the daemon keeps running (reference data reloads on its own; restart it for changed settings)")]
    public static partial void HangupIgnored(this ILogger logger, string signal);

    [LoggerMessage(EventId = 500, EventName = "CsrSlaWarning", Level = LogLevel.Warning,
        Message = "CSR file {File} from {Partner} unanswered for {AgeHours:F1} h (target 24 h)")]
    public static partial void CsrSlaWarning(this ILogger logger, string partner, string file, double ageHours);

    [LoggerMessage(EventId = 501, EventName = "CsrSlaBreached", Level = LogLevel.Error,
        Message = "CSR file {File} from {Partner} unanswered for {AgeHours:F1} h: 24-hour target missed")]
    public static partial void CsrSlaBreached(this ILogger logger, string partner, string file, double ageHours);
}
