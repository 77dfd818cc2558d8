using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>
/// One browser context (one person) with page-level intent methods. Records every request to another host,
/// every failed asset, and takes a screenshot when a step fails.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ServerFixture server;
    private readonly IBrowserContext context;

    public IPage Page { get; }

    public List<string> ForeignRequests { get; } = [];

    public List<string> FailedAssets { get; } = [];

    /// <summary>What the Content-Security-Policy blocked; each is also counted as a failed asset.</summary>
    public List<string> CspViolations { get; } = [];

    /// <summary>Errors the page logged, among them an unhandled exception that ends the Blazor circuit.</summary>
    public List<string> ConsoleErrors { get; } = [];

    private BrowserSession(ServerFixture server, IBrowserContext context, IPage page)
    {
        this.server = server;
        this.context = context;
        Page = page;
        var origin = new Uri(server.BaseUrl);
        page.Request += (_, r) =>
        {
            if (Uri.TryCreate(r.Url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) && u.Authority != origin.Authority)
            {
                ForeignRequests.Add(r.Url);
            }
        };
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                ConsoleErrors.Add(m.Text);
            }
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Text.StartsWith(CspMarker, StringComparison.Ordinal))
            {
                CspViolations.Add(m.Text);
                FailedAssets.Add("CSP: " + m.Text);
            }
        };
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Request.ResourceType is "stylesheet" or "script" or "font" or "image")
            {
                FailedAssets.Add($"{r.Status} {r.Url}");
            }
        };
    }

    private const string CspMarker = "CSP violation:";

    /// <summary>A phone's screen (CSS pixels), as the pages a liaison and a leader use must work on it.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static async Task<BrowserSession> OpenAsync(ServerFixture server, ViewportSize? viewport = null)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = viewport, IsMobile = viewport == Phone, HasTouch = viewport == Phone });
        // Also what the browser blocks without a console message of its own (inline style attributes, eval).
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('" + CspMarker + " ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 300) : '')));");
        context.SetDefaultTimeout(15000);
        return new BrowserSession(server, context, await context.NewPageAsync());
    }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(server.BaseUrl + path);
    }

    /// <summary>Clicks before the circuit is up are lost; wait for the marker the layout renders.</summary>
    public Task WaitInteractiveAsync() =>
        Page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public async Task SignInAsync(string userName, string password)
    {
        await GotoAsync("/account/login");
        await Page.FillAsync("#userName", userName);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
    }

    public async Task ChangePasswordAsync(string current, string next)
    {
        await Page.WaitForURLAsync("**/account/change-password**");
        await Page.FillAsync("#currentPassword", current);
        await Page.FillAsync("#newPassword", next);
        await Page.FillAsync("#confirmPassword", next);
        await Page.ClickAsync("button[type=submit]");
    }

    public async Task SignOutAsync()
    {
        await Page.ClickAsync("form.app-logout button");
        await Page.WaitForURLAsync("**/account/login**");
    }

    /// <summary>Picks an option of an Ant Design select by its visible text.</summary>
    /// <remarks>
    /// A click that lands while the select is still wiring itself up opens nothing; under load that happens, so the
    /// click is repeated (only while the dropdown is closed) until the option shows.
    /// </remarks>
    public async Task ChooseAsync(ILocator select, string option)
    {
        var item = Page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new PageLocatorOptions { HasTextString = option }).First;
        for (var attempt = 1; ; attempt++)
        {
            if (!await item.IsVisibleAsync())
            {
                await select.ClickAsync();
            }
            try
            {
                await item.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 3000 });
                break;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
        await item.ClickAsync();
    }

    /// <summary>
    /// Types a date into an Ant Design date picker and confirms it with Enter. A picker that was still opening drops
    /// the typed text when it loses focus, so the value is checked after clicking away, and typed again if it is gone.
    /// </summary>
    public static async Task TypeDateAsync(ILocator input, string date)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.ClickAsync();
            await input.FillAsync(date);
            await input.PressAsync("Enter");
            await input.Page.Locator("h1").First.ClickAsync();
            try
            {
                await Assertions.Expect(input).ToHaveValueAsync(date, new() { Timeout = 3000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    public async Task StepAsync(string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:HHmmss}-{string.Concat(name.Where(char.IsLetterOrDigit))}.png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Console.WriteLine($"Screenshot of the failed step '{name}': {file}");
            foreach (var error in ConsoleErrors.Concat(CspViolations).Distinct())
            {
                Console.WriteLine($"Browser console error: {error}");
            }
            throw;
        }
    }

    /// <summary>A full-page screenshot kept with the test output, for a person to look at.</summary>
    public async Task<string> SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
