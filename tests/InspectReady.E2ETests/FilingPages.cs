using Microsoft.Playwright;

namespace InspectReady.E2ETests;

/// <summary>What a liaison, a leader and the office do on the filing pages, in their words.</summary>
public static class FilingPages
{
    public static ILocator EditorStatus(this BrowserSession s) => s.Page.Locator(".task-meta [data-testid=status]");

    public static ILocator StatementCount(this BrowserSession s) => s.Page.Locator("[data-testid=statement-count]");

    /// <summary>The rows of the list on screen whose indicator label is exactly <paramref name="label"/> (第1项, not 第11项).</summary>
    public static ILocator TaskRow(this BrowserSession s, string label) =>
        s.Page.Locator("[data-testid=tasks-table] tr.ant-table-row, [data-testid=approvals-table] tr.ant-table-row")
            .Filter(new() { Has = s.Page.Locator("[data-testid=task-link]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{label}$") }) });

    public static async Task OpenAsync(this BrowserSession s, string path)
    {
        await s.GotoAsync(path);
        await s.WaitInteractiveAsync();
    }

    /// <summary>Opens a task from the list on screen by its indicator label (第1项).</summary>
    public static async Task OpenTaskFromListAsync(this BrowserSession s, string label)
    {
        await s.TaskRow(label).Locator("[data-testid=task-link]").ClickAsync();
        await s.Page.WaitForURLAsync("**/tasks/*");
        await s.WaitInteractiveAsync();
    }

    public static Task WriteStatementAsync(this BrowserSession s, string text) =>
        s.Page.Locator("[data-testid=statement] textarea").FillAsync(text);

    public static Task ClickAsync(this BrowserSession s, string buttonId) => s.Page.Locator($"#{buttonId}").ClickAsync();

    /// <summary>Switches the editor's lower tabs (评论, 报送版本, 配合单位材料).</summary>
    public static async Task OpenTabAsync(this BrowserSession s, string name)
    {
        var tab = s.Page.GetByRole(AriaRole.Tab, new() { Name = name });
        await tab.ClickAsync();
        await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>Fills the decision dialog (return, send back, reopen) and confirms it.</summary>
    public static async Task ConfirmDecisionAsync(this BrowserSession s, string reason)
    {
        var form = s.Page.Locator("[data-testid=decision-form]");
        await form.Locator("textarea").First.FillAsync(reason);
        await s.Page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
    }
}
