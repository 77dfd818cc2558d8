using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InspectReady.E2ETests;

/// <summary>
/// Pages that never crash: every page route (found by reflection, <see cref="PageRoutes"/>) opened as every role, with
/// the demo campaign in progress loaded, at desktop size and at a phone's 390 px. A page fails on a circuit error (the
/// reconnect or error UI), a console error, a failed request (4xx/5xx other than the page itself answering 403/404 to a
/// seat that may not open it), or a request to another host. One signed-in browser context per role; roles run side
/// by side, a few at a time.
/// </summary>
public sealed class SmokeTests(DemoServer server, ITestOutputHelper output) : IClassFixture<DemoServer>
{
    /// <summary>The pages a liaison and a leader use on a phone: no horizontal scrolling, titles on one or two lines.</summary>
    private static readonly string[] PhonePages =
    [
        "/campaigns/{CampaignId:guid}/tasks", "/tasks/{Id:guid}", "/approvals", "/notifications",
        "/campaigns/{CampaignId:guid}/dashboard/units/{UnitId:guid}",
    ];

    private const int Parallel = 3;

    [Fact]
    public void Every_parameterised_page_route_has_a_value()
    {
        var routes = PageRoutes.All(server.Ids);
        Assert.True(routes.Count > 40, $"only {routes.Count} page routes found");
        var missing = routes.Where(r => r.Path is null).Select(r => $"{r.Template} ({r.Component})").ToList();
        Assert.True(missing.Count == 0, "page routes without a value in PageRoutes.Values (register one from the demo data): " + string.Join(", ", missing));
        Assert.Empty(PageRoutes.Stale(routes));
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_in_a_drawer_and_closes_when_a_page_is_chosen()
    {
        var liaison = server.Seats.Single(s => s.Name == Web.Domain.Access.Roles.UnitLiaison);
        await using var phone = await BrowserSession.OpenAsync(server, BrowserSession.Phone);
        await phone.StepAsync("the side bar gives way to a drawer", async () =>
        {
            await phone.SignInAsync(liaison.UserName, liaison.Password);
            await phone.Page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            await phone.WaitInteractiveAsync();
            await Assertions.Expect(phone.Page.Locator(".app-sider")).ToBeHiddenAsync();
            await phone.Page.Locator("[data-testid=menu-toggle]").ClickAsync();
            var drawer = phone.Page.Locator("[data-testid=menu-drawer]");
            await Assertions.Expect(drawer.GetByText("我的任务")).ToBeVisibleAsync();
            await drawer.GetByText("我的任务").ClickAsync();
            await phone.Page.WaitForURLAsync($"**/campaigns/{server.Ids.CampaignId}/tasks");
            // A closed AntDesign drawer slides out of view and loses its open class.
            await Assertions.Expect(phone.Page.Locator(".ant-drawer-open")).ToHaveCountAsync(0);
            await Assertions.Expect(phone.Page.Locator("h1")).ToHaveTextAsync("我的任务", new() { Timeout = 30000 });
            Assert.True(await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= BrowserSession.Phone.Width + 1);
        });
        await phone.SnapshotAsync("phone-my-tasks");
        Assert.Empty(phone.ConsoleErrors);

        await using var desktop = await BrowserSession.OpenAsync(server);
        await desktop.SignInAsync(liaison.UserName, liaison.Password);
        await desktop.Page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        await desktop.WaitInteractiveAsync();
        await Assertions.Expect(desktop.Page.Locator(".app-sider")).ToBeVisibleAsync();
        await Assertions.Expect(desktop.Page.Locator("[data-testid=menu-toggle]")).ToBeHiddenAsync();
    }

    [Fact]
    public Task Every_page_opens_for_every_role_at_desktop_size() => RunAsync(null);

    [Fact]
    public Task Every_page_opens_for_every_role_on_a_phone() => RunAsync(BrowserSession.Phone);

    private async Task RunAsync(ViewportSize? viewport)
    {
        var routes = PageRoutes.All(server.Ids).Where(r => r.Path is not null).ToList();
        var failures = new ConcurrentBag<string>();
        var notes = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(Parallel);
        await Task.WhenAll(server.Seats.Select(async seat =>
        {
            await gate.WaitAsync();
            try
            {
                await VisitAllAsync(seat, routes, viewport, failures, notes);
            }
            finally
            {
                gate.Release();
            }
        }));
        output.WriteLine($"{routes.Count} routes × {server.Seats.Count} roles at {(viewport is null ? "desktop" : $"{viewport.Width} px")} on {ServerFixture.Provider}: {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var note in notes.Order(StringComparer.Ordinal))
        {
            output.WriteLine("note: " + note);
        }
        Assert.True(failures.IsEmpty, $"{failures.Count} page failures:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    private async Task VisitAllAsync(Seat seat, IReadOnlyList<PageRoute> routes, ViewportSize? viewport, ConcurrentBag<string> failures, ConcurrentBag<string> notes)
    {
        await using var session = await BrowserSession.OpenAsync(server, viewport);
        var page = session.Page;
        var responses = new List<string>();
        var broken = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                lock (responses)
                {
                    responses.Add($"{r.Status} {r.Request.Method} {r.Url} ({r.Request.ResourceType})");
                }
            }
        };
        page.RequestFailed += (_, r) =>
        {
            if (r.Failure is { } f && !f.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                lock (broken)
                {
                    broken.Add($"{r.Method} {r.Url}: {f}");
                }
            }
        };
        await session.SignInAsync(seat.UserName, seat.Password);
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 20000 });
        var phone = viewport is not null;
        var timer = Stopwatch.StartNew();
        if (!phone)
        {
            // Every page as the server renders it before the circuit starts (prerendering), with this seat's cookie.
            foreach (var route in routes)
            {
                var answer = await page.APIRequest.GetAsync(server.BaseUrl + route.Path);
                if (answer.Status >= 500 || (answer.Status >= 400 && answer.Status is not (403 or 404)))
                {
                    failures.Add($"[{seat.Name} {seat.UserName}] {route.Path}: the server's rendering answered {answer.Status}");
                }
                await answer.DisposeAsync();
            }
        }
        // Then each page in the browser. Interactive pages are reached inside one circuit, as a person following the
        // menu does; a static page, or a circuit that logged an error, is followed by a full load.
        var live = false;
        foreach (var route in routes)
        {
            var where = $"[{seat.Name} {seat.UserName}{(phone ? " 390px" : "")}] {route.Path}";
            var consoleBefore = session.ConsoleErrors.Count;
            var foreignBefore = session.ForeignRequests.Count;
            lock (responses)
            {
                responses.Clear();
            }
            lock (broken)
            {
                broken.Clear();
            }
            try
            {
                if (route.Interactive && live)
                {
                    await page.EvaluateAsync("p => { const m = document.querySelector('[data-rendered-path]'); if (m) m.dataset.renderedPath = ''; Blazor.navigateTo(p); }", route.Path);
                    await page.WaitForFunctionAsync("""
                        () => {
                          const m = document.querySelector('[data-rendered-path]');
                          return m ? m.dataset.renderedPath === location.pathname + location.search : location.pathname.startsWith('/account/');
                        }
                        """, null, new() { Timeout = 15000, PollingInterval = 50 });
                }
                else
                {
                    var response = await page.GotoAsync(server.BaseUrl + route.Path);
                    var status = response?.Status ?? 0;
                    if (status >= 500 || status == 0)
                    {
                        failures.Add($"{where}: the page answered {status}");
                        live = false;
                        continue;
                    }
                    if (route.Interactive && !page.Url.Contains("/account/", StringComparison.Ordinal))
                    {
                        await session.WaitInteractiveAsync();
                    }
                }
                live = route.Interactive && !page.Url.Contains("/account/", StringComparison.Ordinal);
                // Data the page loads after the circuit is up shows a spinner until it is there; then a moment for late errors.
                try
                {
                    await page.WaitForFunctionAsync("() => document.querySelectorAll('.ant-spin-spinning').length === 0", null, new() { Timeout = 10000, PollingInterval = 50 });
                }
                catch (TimeoutException)
                {
                    notes.Add($"{where}: still loading after 10 s");
                }
                await page.WaitForTimeoutAsync(150);
                var ui = await page.EvaluateAsync<string>("""
                    () => {
                      const shown = e => e && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden';
                      const reconnect = document.getElementById('components-reconnect-modal');
                      if (reconnect && (shown(reconnect) && (reconnect.open || /components-reconnect-(show|failed|rejected)/.test(reconnect.className)))) return 'the reconnect UI is shown: ' + reconnect.className;
                      const error = document.getElementById('blazor-error-ui');
                      if (shown(error)) return 'the Blazor error UI is shown';
                      return '';
                    }
                    """);
                if (ui.Length > 0)
                {
                    failures.Add($"{where}: {ui}");
                }
                foreach (var error in session.ConsoleErrors.Skip(consoleBefore).ToList())
                {
                    failures.Add($"{where}: console error: {error}");
                    live = false;
                }
                foreach (var foreign in session.ForeignRequests.Skip(foreignBefore).ToList())
                {
                    failures.Add($"{where}: request to another host: {foreign}");
                }
                lock (responses)
                {
                    // The page itself may answer 403/404 to a seat that may not open it: the denied page, not a crash.
                    foreach (var r in responses.Where(r => !(r.StartsWith("403 GET ", StringComparison.Ordinal) || r.StartsWith("404 GET ", StringComparison.Ordinal)) || !r.EndsWith("(document)", StringComparison.Ordinal)))
                    {
                        failures.Add($"{where}: failed request {r}");
                    }
                }
                lock (broken)
                {
                    foreach (var b in broken)
                    {
                        failures.Add($"{where}: request failed {b}");
                    }
                }
                if (phone)
                {
                    var fit = await page.EvaluateAsync<double[]>("""
                        () => {
                          const h = document.querySelector('.app-content h1');
                          let lines = 0;
                          if (h) { const cs = getComputedStyle(h); const lh = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.5; lines = h.getBoundingClientRect().height / lh; }
                          return [document.documentElement.scrollWidth, lines];
                        }
                        """);
                    var mustFit = PhonePages.Contains(route.Template) && seat.Name is Web.Domain.Access.Roles.UnitLiaison or Web.Domain.Access.Roles.UnitLeader;
                    var problem = fit[0] > BrowserSession.Phone.Width + 1 ? $"the page is {fit[0]} px wide" : fit[1] > 2.5 ? $"the title takes {fit[1]:0.#} lines" : null;
                    if (problem is not null)
                    {
                        (mustFit ? failures : notes).Add($"{where}: {problem}");
                    }
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                live = false;
                failures.Add($"{where}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                foreach (var error in session.ConsoleErrors.Skip(consoleBefore).ToList())
                {
                    failures.Add($"{where}: console error: {error}");
                }
            }
        }
        notes.Add($"[{seat.Name}] {routes.Count} pages in {timer.Elapsed.TotalSeconds:0.0} s");
    }
}
