using System.Globalization;
using Integra.Gateway.Portal.Accounts;
using Microsoft.Playwright;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 26 item 4: the LSR form, the CSR form and the supplement form used with the keyboard only (Tab, Shift+Tab,
/// Enter, Space, and typing), in a real Chromium: the focus goes through the controls in the order they are read,
/// every focused control shows its focus, the post is made with Enter or Space, and the answer takes the focus.
/// The mouse is never used and no element is clicked or filled by the test. Account A1006 (a TN no other browser test
/// ports; its CSR is read too).
/// </summary>
[Collection(Browser.Name)]
public sealed class KeyboardBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    /// <summary>More Tab presses than any page of the portal has controls before its form.</summary>
    private const int MaxTabs = 60;

    [Fact]
    public async Task The_LSR_form_and_its_supplement_are_used_with_the_keyboard_only()
    {
        await browser.Portal.AddUserAsync("keys-lsr@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.Lsr);
        var page = await SignInAsync("keys-lsr@acme.example");
        var now = browser.Portal.Time.GetUtcNow();
        var ddd = now.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync("/Partner/Submit/Lsr");

        // The focus order is the reading order: every field of the grid, the TNs, then the two buttons.
        var order = await TabOrderAsync(page, "f-CCNA", "submit");
        Assert.Equal(await ControlsAsync(page, "#lsr-form"), order);
        Assert.Equal(["f-TN", "check", "submit"], order.TakeLast(3));

        // Shift+Tab goes back the same way.
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("check", await FocusedAsync(page));

        await TabToAsync(page, "f-CCNA", backwards: true);
        await FillByTabbingAsync(page, "submit", new()
        {
            ["f-PON"] = "KEYS-1", ["f-CC"] = "ACMW", ["f-NNSP"] = "6001", ["f-NPDI"] = "C", ["f-REQTYP"] = "CB", ["f-ACT"] = "V", ["f-DDD"] = ddd,
            ["f-INITTEL"] = "5035550900", ["f-AGAUTH"] = "Y", ["f-AN"] = "A1006", ["f-ZIP"] = "84101", ["f-TN"] = "801-555-0101",
            // A1006 has ISDN: a non-simple port, so the authorization's time, name and date are typed too.
            ["f-DTSENT"] = now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            ["f-AUTHNM"] = "Kim Ortiz", ["f-DATED"] = now.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Answer: FOC 1");
        Assert.Equal("answer", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("download", await FocusedAsync(page));
        await browser.ShotAsync(page, "keyboard-lsr-foc");

        // The supplement: SUP chosen by typing on the select, the cancel confirmed with Space, posted with Space.
        await page.GotoAsync($"/Partner/Submit/Supplement?order={browser.Portal.OrderId("ACME", "LSR", "KEYS-1")}");
        await TabToAsync(page, "sup");
        await page.Keyboard.TypeAsync("1");
        Assert.Equal("1", await page.EvalOnSelectorAsync<string>("#sup", "e => e.value"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("confirm-cancel", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("#confirm-cancel"));
        await TabToAsync(page, "submit");
        await browser.ShotAsync(page, "keyboard-supplement-focus");
        await page.Keyboard.PressAsync("Space");

        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("CAN");
        Assert.Equal("answer", await FocusedAsync(page));
    }

    [Fact]
    public async Task The_CSR_form_with_its_LOA_is_used_with_the_keyboard_only()
    {
        await browser.Portal.AddUserAsync("keys-csr@portco.example", PortalRoles.PartnerUser, "PORTCO", Password, Privileges.Csr);
        var page = await SignInAsync("keys-csr@portco.example");
        await page.GotoAsync("/Partner/Submit/Csr");

        var order = await TabOrderAsync(page, "f-CCNA", "submit");
        Assert.Equal(await ControlsAsync(page, "#csr-form"), order);
        Assert.Equal(["loa", "submit"], order.TakeLast(2));

        await TabToAsync(page, "f-CCNA", backwards: true);
        await FillByTabbingAsync(page, "loa", new() { ["f-PON"] = "KEYS-CSR-1", ["f-AGAUTH"] = "Y", ["f-INITTEL"] = "5035550900", ["f-AN"] = "A1006" });

        // Space on the file field opens the chooser, as for any keyboard user; the test answers the chooser.
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(Path.Combine(Integra.Gateway.Tests.Repo.SampleDrop("PORTCO"), "loa-a1001.pdf"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("submit", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Wasatch Law Group");
        Assert.Equal("answer", await FocusedAsync(page));
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await TabToAsync(page, "email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await FocusedAsync(page));
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(email);
        return page;
    }

    /// <summary>The id of the focused element (empty for the page itself), after checking that its focus is visible.</summary>
    private static async Task<string> FocusedAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return { id: '', visible: true };
              const style = getComputedStyle(e);
              return { id: e.id, visible: e.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
            }
            """);
        var id = focus.GetProperty("id").GetString() ?? string.Empty;
        var visible = focus.GetProperty("visible").GetBoolean();
        Assert.True(visible, $"the focus on #{id} is not visible");
        return id;
    }

    /// <summary>The ids of the form's controls in the order the page has them (and a screen reader reads them).</summary>
    private static async Task<List<string>> ControlsAsync(IPage page, string form) =>
        [.. await page.EvalOnSelectorAsync<string[]>(form, "f => Array.from(f.querySelectorAll('input:not([type=hidden]), select, textarea, button')).map(e => e.id)")];

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="id"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, string id, bool backwards = false)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await FocusedAsync(page) == id)
            {
                return;
            }
        }

        Assert.Fail($"#{id} never got the focus in {MaxTabs} presses of {(backwards ? "Shift+Tab" : "Tab")}");
    }

    /// <summary>The ids the focus goes through with Tab from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    private static async Task<List<string>> TabOrderAsync(IPage page, string first, string last)
    {
        await TabToAsync(page, first);
        var order = new List<string> { first };
        while (order[^1] != last && order.Count < MaxTabs)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await FocusedAsync(page));
        }

        return order;
    }

    /// <summary>
    /// From the focused control, Tab through the form typing each value where its field has the focus (a text field
    /// reached with Tab has its text selected, so typing replaces it), until <paramref name="last"/> has the focus.
    /// </summary>
    private static async Task FillByTabbingAsync(IPage page, string last, Dictionary<string, string> values)
    {
        var filled = new List<string>();
        for (var id = await FocusedAsync(page); id != last; id = await FocusedAsync(page))
        {
            if (values.TryGetValue(id, out var value))
            {
                await page.Keyboard.TypeAsync(value);
                filled.Add(id);
            }

            await page.Keyboard.PressAsync("Tab");
            Assert.True(filled.Count <= values.Count && id.Length > 0, "the focus left the form");
        }

        Assert.Equal(values.Keys.Order(), filled.Order());
        foreach (var (id, value) in values)
        {
            Assert.Equal(value, await page.EvalOnSelectorAsync<string>($"[id='{id}']", "e => e.value"));
        }
    }
}
