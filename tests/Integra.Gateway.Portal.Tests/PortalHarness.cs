using System.Net;
using System.Text.RegularExpressions;
using Integra.Gateway.Mail;
using Integra.Gateway.Portal;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// The portal as <c>run</c> builds it (<see cref="PortalServer.Build"/>), on a real Kestrel on a loopback port, over
/// a SQLite file (or a PostgreSQL database) of its own, with a fake clock and the folder mailer.
/// </summary>
internal sealed partial class PortalHarness : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private readonly ILoggerFactory _loggers;

    private PortalHarness(string? database, FakeTimeProvider? time, string listen, Action<PortalSettings>? configure)
    {
        Database = database ?? Path.Combine(_dir.Path, "gateway.db");
        Time = time ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
        Settings = new PortalSettings
        {
            Listen = listen,
            MailOutbox = Path.Combine(_dir.Path, "mail"),
            AccessRequestFolder = Path.Combine(_dir.Path, "access-requests"),
            AccessRequestPollInterval = TimeSpan.FromHours(1),

            // Every test client comes from 127.0.0.1: the throttle tests set their own limit before their first post.
            ThrottlePermits = 100_000,
        };
        configure?.Invoke(Settings);
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        Gateway = PortalGatewayHost.Build(Database, Repo.SampleData, data, Time, _dir.Path);
        App = PortalServer.Build(Settings, Database, new MailSettings(), () => data, Time, _loggers, Gateway.Services);
        Store = App.Services.GetRequiredService<IPortalStore>();
    }

    /// <summary>The gateway's container as the daemon builds it (store, pipeline, order services), on the harness's clock.</summary>
    public IHost Gateway { get; }

    public string Database { get; }

    public FakeTimeProvider Time { get; }

    public PortalSettings Settings { get; }

    public WebApplication App { get; }

    public IPortalStore Store { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public string MailFolder => Settings.MailOutbox;

    /// <param name="configure">Changes the portal's settings before it is built (e.g. Portal:KnownProxies).</param>
    public static async Task<PortalHarness> StartAsync(string? database = null, FakeTimeProvider? time = null, string listen = "http://127.0.0.1:0", Action<PortalSettings>? configure = null)
    {
        var harness = new PortalHarness(database, time, listen, configure);
        await harness.App.StartAsync();
        harness.BaseUrl = harness.App.Urls.Single();
        harness.Settings.PublicUrl = harness.BaseUrl;
        return harness;
    }

    /// <summary>A user with a password, as if the first sign-in link had been used.</summary>
    public async Task<PortalUser> AddUserAsync(string email, string role, string? partner, string password, Privileges privileges = Privileges.None)
    {
        var user = (await Store.AddUserAsync(new NewPortalUser(email, email.Split('@')[0], role, partner, privileges), Time.GetUtcNow(), default))!;
        await Store.SetPasswordAsync(user.Id, SignInService.Hash(user, password), default);
        return (await Store.FindUserAsync(user.Id, default))!;
    }

    /// <summary>An HTTP client with its own cookies that does not follow redirects.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Posts a form of the page at <paramref name="path"/> with the anti-forgery token its GET gave.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? postPath = null)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"no anti-forgery token on {path}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(postPath ?? path, content);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    /// <summary>The e-mails written so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Mails() =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    /// <summary>The one-time link in the last e-mail to <paramref name="to"/>.</summary>
    public string LinkSentTo(string to)
    {
        var mail = Mails().Last(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));
        return LinkPattern().Match(mail.TextBody ?? string.Empty).Value;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Gateway.Dispose();
        _loggers.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"http://\S+/Account/SetPassword\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();
}
