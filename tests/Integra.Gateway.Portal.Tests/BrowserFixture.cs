using Microsoft.Playwright;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// One real headless Chromium (Debian's, at <see cref="ChromiumPath"/>; .ci/run installs it) and one portal on a
/// loopback port for the whole browser collection. Each test opens its own browser context (its own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    internal PortalHarness Portal { get; private set; } = null!;

    /// <summary>Where the tests save their screenshots (the best are kept in docs/portal/).</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Portal = await PortalHarness.StartAsync();
        Directory.CreateDirectory(Screenshots);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y --no-install-recommends chromium fonts-liberation (.ci/run does)");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Portal.BaseUrl, ViewportSize = new() { Width = 1200, Height = 800 }, AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    public async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class Browser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
