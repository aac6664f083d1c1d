namespace Integra.Gateway.Operations.Retention;

/// <summary>
/// Section "Retention": how long each kind of record is kept before the daily retention job removes it. Ages count
/// from the record's last change (delivery, decision, archiving, the audit entry, the dispute's decision). Checked at
/// start like every section (<c>Configuration/Checks/SettingsSections</c>): each a positive time span.
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>Off: nothing is removed (the store and the drops grow without bound).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Outbox rows delivered this long ago.</summary>
    public TimeSpan DeliveredOutbox { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Intake ledger rows of files archived, and sightings, this long ago.</summary>
    public TimeSpan IntakeLedger { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Stored response rows of orders closed (rejected, canceled, expired, complete) this long ago.</summary>
    public TimeSpan ResponseBodies { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Files in the local drops' <c>archive/</c> and <c>out/</c> folders last written this long ago.</summary>
    public TimeSpan DropFiles { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Portal audit rows this old (seven years: the audit outlives every dispute window).</summary>
    public TimeSpan PortalAudit { get; set; } = TimeSpan.FromDays(2557);

    /// <summary>
    /// How long after an evidence request was decided and due nothing of the order it concerns is removed by any
    /// kind. The evidence itself (requests, answers, documents) is never removed: it is kept as long as its order
    /// (issue 27), and retention removes no order.
    /// </summary>
    public TimeSpan Evidence { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Rows per delete statement and transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>When the job runs each day, in <see cref="TimeZone"/> (a quiet hour, before the expiry sweep's 06:00).</summary>
    public TimeOnly RunAt { get; set; } = new(3, 30);

    /// <summary>The system time zone of <see cref="RunAt"/>.</summary>
    public string TimeZone { get; set; } = "America/Denver";

    /// <summary>Quartz's cron expression for <see cref="RunAt"/>.</summary>
    public string CronExpression => $"{RunAt.Second} {RunAt.Minute} {RunAt.Hour} * * ?";
}
