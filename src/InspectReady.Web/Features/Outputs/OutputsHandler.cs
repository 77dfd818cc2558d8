using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Outputs;

/// <summary>Inspection-ready outputs: the task list and progress in Excel, statements and the compilation in Word.</summary>
public sealed class OutputsHandler(IDbContextFactory<AppDbContext> factory, CjkFonts fonts, IChinaClock clock)
{
    /// <summary>The document's own columns plus 状态, 报送时间, 审核人, 退回次数: one row per indicator and responsible unit.</summary>
    public async Task<Outcome<ExportWorkbook>> TaskListAsync(UserScope actor, Guid campaignId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var snapshot = await CampaignSnapshot.LoadAsync(db, actor, campaignId);
        if (snapshot is null)
        {
            return Outcome<ExportWorkbook>.NotFound();
        }
        var rows = snapshot.Outline().SelectMany(o => snapshot.TasksOf(o.Indicator.No!.Value).Select(t => new Dictionary<string, object?>
        {
            [TaskListTable.Level1] = TaskListTable.Level1Label(o.L1.Order, o.L1.Text),
            [TaskListTable.Level2] = TaskListTable.Level2Label(o.L2.Order, o.L2.Text),
            [TaskListTable.Number] = o.Indicator.No,
            [TaskListTable.Text] = o.Indicator.Text,
            [TaskListTable.Methods] = string.Join("、", EvaluationMethods.Labels(o.Indicator.Methods)),
            [TaskListTable.Materials] = o.Indicator.Materials,
            [TaskListTable.Units] = snapshot.UnitName(t) + (t.IsLead ? "（牵头）" : "（配合）"),
            ["状态"] = FilingStatus.Label(t.Status),
            ["报送时间"] = t.SubmittedAt is { } s ? ChinaTime.Minutes(s) : "",
            ["审核人"] = t.Reviewer ?? "",
            ["退回次数"] = t.ReturnCount,
        }));
        return Outcome<ExportWorkbook>.Ok(ExportWorkbook.Of(Exported(snapshot, "任务清单", $"{snapshot.Campaign.Name}-任务清单.xlsx"),
            ("任务清单", rows.ToList())));
    }

    /// <summary>Progress by unit and by indicator.</summary>
    public async Task<Outcome<ExportWorkbook>> ProgressAsync(UserScope actor, Guid campaignId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var snapshot = await CampaignSnapshot.LoadAsync(db, actor, campaignId);
        if (snapshot is null)
        {
            return Outcome<ExportWorkbook>.NotFound();
        }
        var today = clock.Today;
        Dictionary<string, object?> Figures(IEnumerable<FilingTask> tasks, Dictionary<string, object?> row)
        {
            var list = tasks.ToList();
            var filed = list.Count(t => t.Status is FilingStatus.Submitted or FilingStatus.Approved);
            row["任务数"] = list.Count;
            row["草稿"] = list.Count(t => t.Status == FilingStatus.Draft);
            row["待单位审核"] = list.Count(t => t.Status == FilingStatus.AwaitingSignOff);
            row["已报送"] = list.Count(t => t.Status == FilingStatus.Submitted);
            row["退回"] = list.Count(t => t.Status == FilingStatus.Returned);
            row["已通过"] = list.Count(t => t.Status == FilingStatus.Approved);
            row["逾期"] = list.Count(t => t.IsOverdue(today));
            row["报送率"] = list.Count == 0 ? "0%" : $"{100.0 * filed / list.Count:0.0}%";
            return row;
        }
        var byUnit = snapshot.Tasks.GroupBy(t => t.UnitId).OrderBy(g => snapshot.UnitNames.GetValueOrDefault(g.Key), StringComparer.Ordinal)
            .Select(g => Figures(g, new() { ["单位"] = snapshot.UnitNames.GetValueOrDefault(g.Key) })).ToList();
        var byIndicator = snapshot.Framework.Indicators
            .Select(i => Figures(snapshot.TasksOf(i.No!.Value), new() { ["序号"] = i.No, ["三级指标"] = i.Text })).ToList();
        return Outcome<ExportWorkbook>.Ok(ExportWorkbook.Of(Exported(snapshot, "进度报表", $"{snapshot.Campaign.Name}-进度报表.xlsx"),
            ("按单位", byUnit), ("按指标", byIndicator)));
    }

    /// <summary>One indicator's 情况说明 (every responsible unit's, lead first) as an official .docx.</summary>
    public async Task<Outcome<ExportedFile>> StatementAsync(UserScope actor, Guid campaignId, int no, ExportStamp stamp, Stream output)
    {
        await using var db = await factory.CreateDbContextAsync();
        var snapshot = await CampaignSnapshot.LoadAsync(db, actor, campaignId);
        var indicator = snapshot?.Framework.Indicators.FirstOrDefault(i => i.No == no);
        if (snapshot is null || indicator is null)
        {
            return Outcome<ExportedFile>.NotFound();
        }
        using (var doc = OfficialDocument.Create(output, fonts, stamp.Line))
        {
            doc.Title($"第{no}项指标情况说明");
            doc.Note(indicator.Text);
            WriteFilings(doc, snapshot, no);
        }
        return Outcome<ExportedFile>.Ok(Exported(snapshot, $"第{no}项情况说明", $"{no:000}-情况说明.docx"));
    }

    /// <summary>迎检材料汇编: a table of contents by 一级/二级/三级, then each indicator's statements and attachments.</summary>
    public async Task<Outcome<ExportedFile>> CompilationAsync(UserScope actor, Guid campaignId, ExportStamp stamp, Stream output)
    {
        await using var db = await factory.CreateDbContextAsync();
        var snapshot = await CampaignSnapshot.LoadAsync(db, actor, campaignId);
        if (snapshot is null)
        {
            return Outcome<ExportedFile>.NotFound();
        }
        var outline = snapshot.Outline().ToList();
        var headings = new List<(int, string)>();
        FrameworkNode? l1 = null, l2 = null;
        foreach (var (a, b, i) in outline)
        {
            if (a != l1)
            {
                headings.Add((1, TaskListTable.Level1Label(a.Order, a.Text)));
                l1 = a;
            }
            if (b != l2)
            {
                headings.Add((2, TaskListTable.Level2Label(b.Order, b.Text)));
                l2 = b;
            }
            headings.Add((3, $"{i.No}. {Short(i.Text)}"));
        }
        using (var doc = OfficialDocument.Create(output, fonts, stamp.Line))
        {
            doc.Title(CompilationTitle(snapshot.Campaign.Name));
            doc.TableOfContents(headings);
            var index = 0;
            var entry = 0;
            foreach (var (level, text) in headings)
            {
                doc.Heading(level, text, ++entry);
                if (level == 3)
                {
                    var (_, _, indicator) = outline[index++];
                    doc.Note(indicator.Text);
                    WriteFilings(doc, snapshot, indicator.No!.Value);
                }
            }
        }
        return Outcome<ExportedFile>.Ok(Exported(snapshot, "迎检材料汇编", $"{CompilationTitle(snapshot.Campaign.Name)}.docx"));
    }

    /// <summary>“…示范市迎检” gives “…示范市迎检材料汇编”, not “…迎检迎检材料汇编”.</summary>
    public static string CompilationTitle(string campaignName)
    {
        var name = campaignName.Trim();
        return name.Contains("迎检", StringComparison.Ordinal) ? $"{name}材料汇编" : $"{name}迎检材料汇编";
    }

    private static void WriteFilings(OfficialDocument doc, CampaignSnapshot snapshot, int no)
    {
        var tasks = snapshot.TasksOf(no).ToList();
        if (tasks.Count == 0)
        {
            doc.Paragraph("（无责任单位任务）");
        }
        foreach (var task in tasks)
        {
            doc.Note($"{snapshot.UnitName(task)}（{(task.IsLead ? "牵头" : "配合")}，{FilingStatus.Label(task.Status)}）");
            if (task.NotApplicable)
            {
                doc.Paragraph($"不涉及本部门职责。{task.NotApplicableReason}");
                continue;
            }
            doc.Paragraph(string.IsNullOrWhiteSpace(task.Statement) ? "（未填写情况说明）" : task.Statement);
            foreach (var link in task.Links)
            {
                doc.Note($"公开网址：{link}");
            }
            if (task.Attachments.Count > 0)
            {
                doc.Note("附件：" + string.Join("；", task.Attachments.OrderBy(a => a.UploadedAt).Select((a, k) => $"{k + 1}. {a.FileName}（{AttachmentKinds.Label(a.Kind)}）")));
            }
        }
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static ExportedFile Exported(CampaignSnapshot snapshot, string what, string fileName) =>
        new(fileName, $"{snapshot.Campaign.Name} {what}", $"{snapshot.Tasks.Count}项任务");
}
