using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Portal;

/// <summary>The partner portal (section <c>Portal</c>, SPEC §7).</summary>
public sealed class PortalSettings
{
    /// <summary>Serve the portal from <c>run</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:5080</c>; behind a load balancer, the instance's own address.</summary>
    [Required]
    public string Listen { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The IP addresses of the TLS-terminating proxies whose <c>X-Forwarded-Proto</c> the portal believes; empty:
    /// loopback only (ASP.NET Core's default). A request that came over TLS through one of them is answered with HSTS;
    /// the header from any other address is ignored.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The address partners use, for the links in e-mails; empty: <see cref="Listen"/>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary><c>folder</c>: portal e-mails are written as <c>.eml</c> files to <see cref="MailOutbox"/>; <c>smtp</c>: sent with the <c>Mail:Smtp</c> server.</summary>
    [RegularExpression("^(folder|smtp)$")]
    public string MailDelivery { get; set; } = "folder";

    public string MailOutbox { get; set; } = "data/portal-mail";

    /// <summary>The sender of portal e-mails (sign-in links, onboarding answers).</summary>
    [Required]
    public string From { get; set; } = "portal@integra.example";

    /// <summary>
    /// Trading Partner Profiles e-mailed to the access-request address are saved (as the CSV form) into this folder
    /// by the mail system or the desk; the portal queues each <c>*.csv</c> and moves it to <c>processed/</c>.
    /// </summary>
    public string AccessRequestFolder { get; set; } = "data/access-requests";

    public TimeSpan AccessRequestPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The desk's time zone: a form's due time is 3 business days later at the same local time.</summary>
    [Required]
    public string DeskTimeZone { get; set; } = "America/Denver";

    /// <summary>How long a first sign-in or password reset link can be used.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A sign-in session ends after this much time without a request.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row that lock an account (SPEC §7).</summary>
    [Range(1, 100)]
    public int LockoutThreshold { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Posts to sign-in, the one-time link's page and the public Trading Partner Profile form that one client address
    /// may make per <see cref="ThrottleWindow"/> (SPEC §7 throttling per client address); more are answered 429.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ThrottlePermits { get; set; } = 20;

    /// <summary>See <see cref="ThrottlePermits"/>.</summary>
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Calls of the partner API that one key may make per <see cref="ApiWindow"/> (SPEC §8); past them, 429.</summary>
    [Range(1, 1_000_000)]
    public int ApiPermits { get; set; } = 600;

    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The base of the links the portal sends: <see cref="PublicUrl"/> or <see cref="Listen"/>, without a trailing slash.</summary>
    public string LinkBase => (string.IsNullOrWhiteSpace(PublicUrl) ? Listen : PublicUrl).TrimEnd('/');
}
