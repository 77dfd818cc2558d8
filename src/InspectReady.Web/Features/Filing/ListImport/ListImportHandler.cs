using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Import;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing.ListImport;

/// <summary>Case lists, inspection lists, directories and data tables filled from Excel in the template's columns.</summary>
public sealed class ListImportHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Outcome<IReadOnlyList<string>>> ColumnsAsync(UserScope actor, Guid taskId, int item)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, taskId);
        if (!loaded.IsOk)
        {
            return loaded.As<IReadOnlyList<string>>();
        }
        var (_, task, campaign) = loaded.Value!;
        var checklist = await TaskViews.ChecklistAsync(db, campaign, task);
        var columns = checklist.FirstOrDefault(c => c.Index == item) is { } i ? ListTemplates.For(i) : null;
        return columns is null ? Outcome<IReadOnlyList<string>>.Invalid("item", $"第{item}项材料不要求填写清单") : Outcome<IReadOnlyList<string>>.Ok(columns);
    }

    public const string SheetName = "清单";

    /// <summary>The list's sheet: every column of the item's template must be filled; dates and the contact are checked.</summary>
    public static ImportSheet Spec(IReadOnlyList<string> columns) => new(SheetName,
    [
        .. columns.Select(c => ListTemplates.DateColumns.Contains(c)
            ? new ImportColumn(c, ImportType.Date, Required: true) { Example = "2021-10-08" }
            : c == ListTemplates.ContactColumn
                ? new ImportColumn(c, Required: true) { Synonyms = ["联系电话", "电话"], Help = "手机号或固定电话，如 13800000000、0375-1234567", Example = "0375-1234567" }
                : new ImportColumn(c, Required: true)),
    ])
    { ExampleInSheet = false };

    public static Task WriteTemplateAsync(IReadOnlyList<string> columns, Stream output) => ImportTemplate.WriteAsync(output, Spec(columns));

    /// <summary>Replaces the item's rows in the draft; every bad row is reported and nothing changes unless all are good.</summary>
    public async Task<Outcome<int>> ImportAsync(UserScope actor, Guid taskId, int item, Stream file, string fileName)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, taskId, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<int>();
        }
        var (reach, task, _) = loaded.Value!;
        if (!TaskAccess.CanFile(reach, task))
        {
            return await Shared.Access.Visibility.ForbiddenAsync<int>(db, actor, $"任务 {task.GroupLabel} 清单");
        }
        if (!FilingStatus.IsEditable(task.Status))
        {
            return Outcome<int>.Conflict($"任务状态为“{FilingStatus.Label(task.Status)}”，不能修改");
        }
        // The item is checked only after the right to file it, so a forbidden role learns nothing from validation.
        var columns = await ColumnsAsync(actor, taskId, item);
        if (!columns.IsOk)
        {
            return new Outcome<int>(columns.Kind, 0, columns.Errors);
        }
        var opened = ImportFile.Open(file, fileName);
        if (!opened.IsOk)
        {
            return opened.As<int>();
        }
        var book = opened.Value!;
        var rows = new List<Dictionary<string, string>>();
        // The list is read from the template's 清单 sheet, or else the first sheet whatever its name.
        var sheet = book.Sheet(Spec(columns.Value!));
        try
        {
            foreach (var r in sheet)
            {
                if (r.Text(ListTemplates.ContactColumn) is { Length: > 0 } contact
                    && !Domain.Organisation.PhoneNumbers.IsMobile(contact) && !Domain.Organisation.PhoneNumbers.IsLandline(contact))
                {
                    r.Fail(ListTemplates.ContactColumn, $"联系方式“{contact}”不是有效的手机号或固定电话");
                }
                rows.Add(columns.Value!.ToDictionary(c => c, r.Text));
            }
        }
        catch (Exception e) when (ImportFile.IsUnreadable(e))
        {
            return ImportFile.Refuse($"文件“{fileName}”无法读取").As<int>();
        }
        return await Imports.CommitAsync(db, actor, book, $"任务 {task.GroupLabel} 第{item}项清单", () =>
        {
            task.Lists[item] = rows;
            task.Lists = new Dictionary<int, List<Dictionary<string, string>>>(task.Lists);
            task.DraftVersion++;
            task.DraftSavedAt = clock.UtcNow;
            task.DraftSavedBy = actor.UserName;
            return Task.FromResult((rows.Count, $"{fileName}：{rows.Count}行"));
        });
    }
}
