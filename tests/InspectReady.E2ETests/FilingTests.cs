using Microsoft.Playwright;

namespace InspectReady.E2ETests;

public sealed class FilingTests(KnownAdminServer server) : IClassFixture<KnownAdminServer>
{
    /// <summary>34 字: white space does not count, 𠮷 (outside the BMP) counts once.</summary>
    private const string FirstStatement = "2020年以来，本单位清理变相设置的行政许可事项 12 项，经办人𠮷某。";
    /// <summary>50 字: the line break does not count.</summary>
    private const string SecondStatement = "2020年以来，本单位清理变相设置的行政许可事项12项，\n其中取消备案类事项5项，已在区政府网站公开。";
    private const string ReturnReason = "请补充取消事项的数量和公开情况";

    [Fact]
    public async Task A_task_goes_from_draft_through_sign_off_office_return_and_resubmission_to_approval()
    {
        var world = await CampaignSetup.CreateAsync(server, "流转");
        var editor = $"/tasks/{world.StatementTask}";
        await using var liaison = await BrowserSession.OpenAsync(server);
        await using var leader = await BrowserSession.OpenAsync(server);
        await using var office = await BrowserSession.OpenAsync(server);
        await liaison.SignInAsync(world.Liaison, CampaignSetup.Password);
        await leader.SignInAsync(world.Leader, CampaignSetup.Password);
        await office.SignInAsync(world.Office, CampaignSetup.Password);

        await liaison.StepAsync("the liaison finds the task in 我的任务 with what is missing", async () =>
        {
            await liaison.OpenAsync("/my-tasks");
            await liaison.Page.WaitForURLAsync($"**/campaigns/{world.CampaignId}/tasks");
            await Assertions.Expect(liaison.Page.Locator("h1")).ToHaveTextAsync("我的任务");
            await Assertions.Expect(liaison.TaskRow("第1项")).ToContainTextAsync("缺1项");
            await liaison.OpenTaskFromListAsync("第1项");
            await Assertions.Expect(liaison.EditorStatus()).ToHaveTextAsync("草稿");
        });
        await liaison.StepAsync("the liaison writes the statement, sees the live count and submits", async () =>
        {
            await liaison.WriteStatementAsync(FirstStatement);
            await Assertions.Expect(liaison.StatementCount()).ToHaveTextAsync("34/500字");
            await liaison.ClickAsync("submit");
            await Assertions.Expect(liaison.EditorStatus()).ToHaveTextAsync("待单位审核");
        });

        await leader.StepAsync("the leader signs off from the approval queue", async () =>
        {
            await leader.OpenAsync("/approvals");
            await Assertions.Expect(leader.TaskRow("第1项")).ToContainTextAsync("待单位审核");
            await leader.OpenTaskFromListAsync("第1项");
            await Assertions.Expect(leader.Page.Locator("[data-testid=statement] textarea")).ToHaveValueAsync(FirstStatement);
            await leader.ClickAsync("sign-off");
            await Assertions.Expect(leader.EditorStatus()).ToHaveTextAsync("已报送");
        });

        await office.StepAsync("the office returns it from the review queue with a reason and a new deadline", async () =>
        {
            await office.OpenAsync("/review");
            await office.Page.WaitForURLAsync($"**/campaigns/{world.CampaignId}/tasks");
            await Assertions.Expect(office.Page.Locator("h1")).ToHaveTextAsync("审查队列");
            var row = office.TaskRow("第1项").Filter(new() { HasTextString = "流转甲局" });
            await Assertions.Expect(row).ToContainTextAsync("已报送");
            await office.SnapshotAsync("review-queue");
            await row.Locator("[data-testid=task-link]").ClickAsync();
            await office.Page.WaitForURLAsync("**/tasks/*");
            await office.WaitInteractiveAsync();
            await office.ClickAsync("return");
            // The product's "today" is Beijing's, whatever the host's zone (after 16:00 UTC it is already tomorrow there).
            var deadline = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai").Date.AddDays(7).ToString("yyyy-MM-dd");
            await Assertions.Expect(office.Page.Locator("[data-testid=decision-form] .ant-picker input")).ToHaveValueAsync(deadline);
            await office.ConfirmDecisionAsync(ReturnReason);
            await Assertions.Expect(office.EditorStatus()).ToHaveTextAsync("退回");
            await Assertions.Expect(office.Page.Locator("[data-testid=deadline]")).ToHaveTextAsync(deadline);
        });

        await liaison.StepAsync("the liaison follows the notification, sees the reason, edits and resubmits", async () =>
        {
            await liaison.OpenAsync("/notifications");
            await Assertions.Expect(liaison.Page.Locator("[data-testid=notification-bell] .ant-badge-count")).ToBeVisibleAsync();
            var notice = liaison.Page.Locator("[data-testid=notifications] .notification.unread", new() { HasTextString = "创建办退回了迎检材料" });
            await Assertions.Expect(notice).ToContainTextAsync(ReturnReason);
            await liaison.SnapshotAsync("notifications");
            await notice.GetByText("查看").ClickAsync();
            await liaison.Page.WaitForURLAsync($"**{editor}");
            await Assertions.Expect(liaison.Page.Locator("[data-testid=return-notice]")).ToContainTextAsync(ReturnReason);
            await Assertions.Expect(liaison.EditorStatus()).ToHaveTextAsync("退回");
            await liaison.WriteStatementAsync(SecondStatement);
            await Assertions.Expect(liaison.StatementCount()).ToHaveTextAsync("50/500字");
            await liaison.SnapshotAsync("editor");
            await liaison.ClickAsync("submit");
            await Assertions.Expect(liaison.EditorStatus()).ToHaveTextAsync("待单位审核");
        });

        await leader.StepAsync("the leader signs off again", async () =>
        {
            await leader.OpenAsync("/approvals");
            await leader.OpenTaskFromListAsync("第1项");
            await leader.ClickAsync("sign-off");
            await Assertions.Expect(leader.EditorStatus()).ToHaveTextAsync("已报送");
        });

        await office.StepAsync("the office approves it in the review queue", async () =>
        {
            await office.OpenAsync($"/campaigns/{world.CampaignId}/tasks");
            var row = office.TaskRow("第1项").Filter(new() { HasTextString = "流转甲局" });
            await Assertions.Expect(row).ToContainTextAsync("已报送");
            await row.Locator(".ant-checkbox-input").CheckAsync();
            await office.ClickAsync("batch-approve");
            await Assertions.Expect(row).ToContainTextAsync("已通过");
        });

        await office.StepAsync("the editor shows the approval, the history and both submitted versions", async () =>
        {
            await office.OpenAsync(editor);
            await Assertions.Expect(office.EditorStatus()).ToHaveTextAsync("已通过");
            var history = office.Page.Locator("[data-testid=history] .ant-timeline-item");
            await Assertions.Expect(history).ToHaveCountAsync(6);
            await Assertions.Expect(office.Page.Locator("[data-testid=history]")).ToContainTextAsync(ReturnReason);
            await office.OpenTabAsync("报送版本");
            await office.ClickAsync("compare-versions");
            var comparison = office.Page.Locator("[data-testid=comparison]");
            await Assertions.Expect(comparison.Locator(".diff-removed")).ToHaveTextAsync(FirstStatement);
            await Assertions.Expect(comparison.Locator(".diff-added", new() { HasTextString = "其中取消备案类事项5项" })).ToHaveCountAsync(1);
            await office.SnapshotAsync("versions");
            await Assertions.Expect(office.Page.Locator("#reopen")).ToBeVisibleAsync();
        });

        await liaison.StepAsync("the liaison's list shows the task approved", async () =>
        {
            await liaison.OpenAsync($"/campaigns/{world.CampaignId}/tasks");
            await Assertions.Expect(liaison.TaskRow("第1项")).ToContainTextAsync("已通过");
            await Assertions.Expect(liaison.Page.Locator("#submit")).ToHaveCountAsync(0);
        });
        foreach (var session in new[] { liaison, leader, office })
        {
            Assert.Empty(session.ForeignRequests);
            Assert.Empty(session.FailedAssets);
            Assert.Empty(session.ConsoleErrors);
        }
    }

    [Fact]
    public async Task The_editor_counts_like_the_rules_warns_over_500_blocks_over_1000_and_names_what_a_list_lacks()
    {
        var world = await CampaignSetup.CreateAsync(server, "编辑");
        await using var liaison = await BrowserSession.OpenAsync(server);
        await liaison.SignInAsync(world.Liaison, CampaignSetup.Password);

        await liaison.StepAsync("over 500 字 warns, over 1000 字 cannot be submitted", async () =>
        {
            await liaison.OpenAsync($"/tasks/{world.StatementTask}");
            await liaison.WriteStatementAsync(string.Concat(Enumerable.Repeat("字 ", 501)));
            await Assertions.Expect(liaison.StatementCount()).ToHaveTextAsync("501/500字");
            await Assertions.Expect(liaison.Page.Locator("[data-testid=statement-warning]")).ToHaveTextAsync("一般不超过500字");
            await liaison.WriteStatementAsync(new string('字', 1001));
            await Assertions.Expect(liaison.StatementCount()).ToHaveTextAsync("1001/500字");
            await Assertions.Expect(liaison.Page.Locator("[data-testid=statement-error]")).ToContainTextAsync("不能提交");
            await liaison.ClickAsync("submit");
            await Assertions.Expect(liaison.Page.Locator("[data-testid=submit-errors]")).ToContainTextAsync("1001字");
            await Assertions.Expect(liaison.EditorStatus()).ToHaveTextAsync("草稿");
        });

        await liaison.StepAsync("a case list row with a date outside the window is named after saving", async () =>
        {
            await liaison.OpenAsync($"/tasks/{world.CaseListTask}");
            await Assertions.Expect(liaison.Page.Locator("[data-testid=problems]")).ToContainTextAsync("尚未填写");
            var list = liaison.Page.Locator("[data-testid=list-1]");
            await list.GetByRole(AriaRole.Button, new() { Name = "添加一行" }).ClickAsync();
            var cells = list.Locator("tbody tr").First.Locator("input");
            string[] values = ["2019-12-31", "非法占道经营", "查封", "已解除", "张三", "13812345678"];
            for (var i = 0; i < values.Length; i++)
            {
                await cells.Nth(i).FillAsync(values[i]);
            }
            await liaison.ClickAsync("save-draft");
            await Assertions.Expect(liaison.Page.Locator("[data-testid=problems]")).ToContainTextAsync("第1项第1行“时间”为2019-12-31");
            await liaison.SnapshotAsync("editor-case-list");
        });
        Assert.Empty(liaison.ConsoleErrors);
    }

    [Fact]
    public async Task On_the_editor_a_pdf_is_uploaded_previewed_and_deleted_comments_are_kept_and_a_concurrent_save_is_refused()
    {
        var world = await CampaignSetup.CreateAsync(server, "附件");
        var editor = $"/tasks/{world.StatementTask}";
        await using var first = await BrowserSession.OpenAsync(server);
        await using var second = await BrowserSession.OpenAsync(server);
        await first.SignInAsync(world.Liaison, CampaignSetup.Password);
        await second.SignInAsync(world.Liaison, CampaignSetup.Password);
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));

        await first.StepAsync("a PDF uploads as a compiled higher-level document, shows its hash and previews", async () =>
        {
            await first.OpenAsync(editor);
            await first.ChooseAsync(first.Page.Locator("#attachment-kind .ant-select"), "汇编上级文件");
            await first.Page.Locator("[data-testid=attachment-file]").SetInputFilesAsync(new FilePayload { Name = "上级文件汇编.pdf", MimeType = "application/pdf", Buffer = pdf });
            var row = first.Page.Locator("[data-testid=attachments] tbody tr", new() { HasTextString = "上级文件汇编.pdf" });
            await Assertions.Expect(row).ToContainTextAsync("汇编上级文件");
            await Assertions.Expect(row).ToContainTextAsync(sha[..12]);
            var link = row.GetByRole(AriaRole.Link, new() { Name = "上级文件汇编.pdf" });
            await Assertions.Expect(link).ToHaveAttributeAsync("target", "_blank");
            var preview = await first.Page.Context.APIRequest.GetAsync(server.BaseUrl + await link.GetAttributeAsync("href"));
            Assert.Equal(200, preview.Status);
            Assert.StartsWith("application/pdf", preview.Headers["content-type"], StringComparison.Ordinal);
            Assert.Equal(pdf, await preview.BodyAsync());
        });

        await first.StepAsync("an executable renamed to .pdf is refused by content", async () =>
        {
            await first.Page.Locator("[data-testid=attachment-file]").SetInputFilesAsync(new FilePayload { Name = "假文件.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04] });
            await Assertions.Expect(first.Page.Locator("[data-testid=upload-errors]")).ToContainTextAsync("假文件.pdf");
            await Assertions.Expect(first.Page.Locator("[data-testid=attachments] tbody tr")).ToHaveCountAsync(1);
        });

        await first.StepAsync("the attachment is deleted", async () =>
        {
            await first.Page.Locator("[data-testid=attachments] tbody tr").GetByText("删除").ClickAsync();
            await first.Page.Locator(".ant-popover .ant-btn-primary").ClickAsync();
            await Assertions.Expect(first.Page.Locator("[data-testid=attachments] tbody tr")).ToHaveCountAsync(0);
        });

        await first.StepAsync("a comment is added and stays", async () =>
        {
            await first.Page.Locator("[data-testid=comments] textarea").FillAsync("网址稍后补充");
            await first.ClickAsync("add-comment");
            await first.OpenAsync(editor);
            await Assertions.Expect(first.Page.Locator("[data-testid=comments]")).ToContainTextAsync("网址稍后补充");
        });

        await second.StepAsync("the second of two saves of the same draft is told and may reload", async () =>
        {
            await second.OpenAsync(editor);
            await first.WriteStatementAsync("甲写的说明。");
            await first.ClickAsync("save-draft");
            await Assertions.Expect(first.Page.Locator(".ant-message")).ToContainTextAsync("草稿已保存");
            await second.WriteStatementAsync("乙写的说明。");
            await second.ClickAsync("save-draft");
            await Assertions.Expect(second.Page.Locator("[data-testid=save-conflict]")).ToContainTextAsync("请刷新后再保存");
            await second.ClickAsync("reload-draft");
            await Assertions.Expect(second.Page.Locator("[data-testid=statement] textarea")).ToHaveValueAsync("甲写的说明。");
        });
        Assert.Empty(first.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
    }
}
