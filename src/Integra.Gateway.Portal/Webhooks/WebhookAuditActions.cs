namespace Integra.Gateway.Portal.Webhooks;

/// <summary>The webhook actions as the audit trail records them; the target is the endpoint's URL.</summary>
public static class WebhookAuditActions
{
    public const string Created = "webhook-created";
    public const string Enabled = "webhook-enabled";
    public const string Disabled = "webhook-disabled";
    public const string Deleted = "webhook-deleted";
    public const string Redelivered = "webhook-redelivered";
}
