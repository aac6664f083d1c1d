using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Hosting;
using Integra.Gateway.Mail;
using Integra.Gateway.Portal;
using Microsoft.Extensions.Configuration;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>
/// Every settings section the gateway checks before any command runs, and what is checked beyond each class's
/// attributes. A new section is one entry in <see cref="All"/> (its class's <c>[Required]</c>/<c>[Range]</c> come free).
/// </summary>
public static class SettingsSections
{
    public static IReadOnlyList<ISettingsSection> All { get; } =
    [
        new SettingsSection<GatewaySettings>("Gateway", GatewayRules),
        new SettingsSection<IntakeSettings>("Intake"),
        new SettingsSection<PolicySettings>("Policy", PolicyRules),
        new SettingsSection<LifecycleSettings>("Lifecycle", LifecycleRules),
        new SettingsSection<LocalDropSettings>("LocalDrop", LocalDropRules, enabledKey: "Enabled"),
        new SettingsSection<SftpSettings>("Sftp", SftpRules, enabledKey: "Enabled", enabledByDefault: false),
        new SettingsSection<MailSettings>("Mail", MailSettingsRules.Check, enabledKey: "Enabled", enabledByDefault: false),
        new SettingsSection<HealthSettings>("Health", HealthRules),
        new SettingsSection<TelemetrySettings>("Telemetry", TelemetryRules),
        new SettingsSection<OperationsSettings>("Operations", (s, c) => c.TimeZone("Operations:TimeZone", s.TimeZone)),
        new SettingsSection<PortalSettings>("Portal", PortalRules, enabledKey: "Enabled"),
        new SettingsSection<PortalHosting.PortalInboxSettings>("PortalInbox"),
        new SettingsSection<Logging.LoggingSettings>("Logging"),
        new SettingsSection<Storage.Evidence.DisputesSettings>("Disputes", (s, c) => c.WritableFolder("Disputes:EvidenceFolder", s.EvidenceFolder)),
        new SettingsSection<Operations.Retention.RetentionSettings>("Retention", RetentionRules, enabledKey: "Enabled"),
    ];

    /// <summary>Every problem of every section, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<SettingProblem> Check(IConfiguration configuration, SettingsCheck check)
    {
        foreach (var section in All)
        {
            section.Check(configuration, check);
        }

        return check.Problems;
    }

    private static void GatewayRules(GatewaySettings s, SettingsCheck c)
    {
        c.Positive("Gateway:StoreCheckInterval", s.StoreCheckInterval);
        c.Positive("Gateway:ReferenceCheckInterval", s.ReferenceCheckInterval);
    }

    private static void PortalRules(PortalSettings s, SettingsCheck c)
    {
        c.TimeZone("Portal:DeskTimeZone", s.DeskTimeZone);
        c.Positive("Portal:AccessRequestPollInterval", s.AccessRequestPollInterval);
        c.Positive("Portal:LinkLifetime", s.LinkLifetime);
        c.Positive("Portal:SessionIdle", s.SessionIdle);
        c.Positive("Portal:LockoutDuration", s.LockoutDuration);
        for (var i = 0; i < s.KnownProxies.Count; i++)
        {
            // Checked here, not when the portal is built, so a typo stops every command with one line, not a stack trace.
            if (!System.Net.IPAddress.TryParse(s.KnownProxies[i].Trim(), out _))
            {
                c.Add($"Portal:KnownProxies:{i}", $"'{s.KnownProxies[i]}' is not an IP address like 10.0.0.5 or ::1");
            }
        }

        if (c.Listen("Portal:Listen", s.Listen, "http", "https") && s.Enabled)
        {
            c.Bindable("Portal:Listen", s.Listen);
        }
    }

    private static void PolicyRules(PolicySettings s, SettingsCheck c)
    {
        c.TimeZone("Policy:FallbackTimeZone", s.FallbackTimeZone);
        for (var i = 0; i < s.EmailStates.Count; i++)
        {
            if (s.EmailStates[i] is not { Length: 2 } state || !state.All(char.IsAsciiLetter))
            {
                c.Add($"Policy:EmailStates:{i}", $"'{s.EmailStates[i]}' is not a two-letter state code");
            }
        }
    }

    private static void LifecycleRules(LifecycleSettings s, SettingsCheck c)
    {
        c.SystemTimeZone("Lifecycle:SweepTimeZone", s.SweepTimeZone);
        c.Positive("Lifecycle:ClusterCheckin", s.ClusterCheckin);
        c.WritableFolder("Lifecycle:NpacOutbox", s.NpacOutbox);
    }

    private static void RetentionRules(Operations.Retention.RetentionSettings s, SettingsCheck c)
    {
        c.Positive("Retention:DeliveredOutbox", s.DeliveredOutbox);
        c.Positive("Retention:IntakeLedger", s.IntakeLedger);
        c.Positive("Retention:ResponseBodies", s.ResponseBodies);
        c.Positive("Retention:DropFiles", s.DropFiles);
        c.Positive("Retention:PortalAudit", s.PortalAudit);
        c.Positive("Retention:Evidence", s.Evidence);
        c.AtLeast("Retention:BatchSize", s.BatchSize, 1);
        c.SystemTimeZone("Retention:TimeZone", s.TimeZone);
    }

    private static void LocalDropRules(LocalDropSettings s, SettingsCheck c)
    {
        c.Positive("LocalDrop:PollInterval", s.PollInterval);
        c.NotNegative("LocalDrop:QuietPeriod", s.QuietPeriod);
        if (s.Enabled)
        {
            c.WritableFolder("LocalDrop:Root", s.Root);
        }
    }

    private static void SftpRules(SftpSettings s, SettingsCheck c)
    {
        foreach (var (id, p) in s.Partners)
        {
            var key = $"Sftp:Partners:{id}";
            c.KnownPartner(key, id);
            c.Sha256Fingerprint($"{key}:HostKeySha256", p.HostKeySha256);
            if (string.IsNullOrEmpty(p.PrivateKeyFile) && string.IsNullOrEmpty(p.PasswordFile) && string.IsNullOrEmpty(p.Password))
            {
                c.Add(key, "no credentials: set PrivateKeyFile, PasswordFile or the Password (from the environment)");
            }

            if (c.Readable($"{key}:PrivateKeyFile", p.PrivateKeyFile) && c.Files && !string.IsNullOrEmpty(p.PrivateKeyFile))
            {
                SftpKeyRules.Check($"{key}:PrivateKeyFile", p, c);
            }

            c.Readable($"{key}:PrivateKeyPassphraseFile", p.PrivateKeyPassphraseFile);
            c.Readable($"{key}:PasswordFile", p.PasswordFile);
            c.Positive($"{key}:PollInterval", p.PollInterval);
            c.NotNegative($"{key}:QuietPeriod", p.QuietPeriod);
            c.Positive($"{key}:OperationTimeout", p.OperationTimeout);
            c.NotNegative($"{key}:KeepAliveInterval", p.KeepAliveInterval);
        }
    }

    private static void HealthRules(HealthSettings s, SettingsCheck c)
    {
        c.AtLeast("Health:MaxMissedPolls", s.MaxMissedPolls, 1);
        if (!string.IsNullOrEmpty(s.Listen) && c.Listen("Health:Listen", s.Listen, "http"))
        {
            c.Bindable("Health:Listen", s.Listen);
        }
    }

    private static void TelemetryRules(TelemetrySettings s, SettingsCheck c)
    {
        if (!string.IsNullOrEmpty(s.OtlpEndpoint) && (!Uri.TryCreate(s.OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            c.Add("Telemetry:OtlpEndpoint", $"'{s.OtlpEndpoint}' is not an http address like http://127.0.0.1:4317");
        }

        if (!string.IsNullOrEmpty(s.PrometheusListen) && c.Listen("Telemetry:PrometheusListen", s.PrometheusListen, "http"))
        {
            c.Bindable("Telemetry:PrometheusListen", s.PrometheusListen);
        }
    }
}
