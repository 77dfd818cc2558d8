using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

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

    public static async Task WriteTemplateAsync(IReadOnlyList<string> columns, Stream output) =>
        await MiniExcel.SaveAsAsync(output, new[] { columns.ToDictionary(c => c, _ => (object?)null) }, sheetName: "清单");

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
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !ExcelSheets.LooksLikeXlsx(file))
        {
            return Outcome<int>.Invalid([new FieldError(null, "file", $"文件“{fileName}”不是 .xlsx 格式的 Excel 文件")]);
        }
        var errors = new List<FieldError>();
        SheetRows sheet;
        try
        {
            sheet = ExcelSheets.Read(file, ExcelSheets.SheetNames(file)[0], columns.Value!, errors, fileName);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            return Outcome<int>.Invalid([new FieldError(null, "file", $"文件“{fileName}”无法读取")]);
        }
        foreach (var (row, cells) in sheet.Rows)
        {
            foreach (var column in columns.Value!.Where(c => string.IsNullOrWhiteSpace(cells.GetValueOrDefault(c))))
            {
                errors.Add(new(row, column, $"“{column}”不能为空"));
            }
            if (cells.GetValueOrDefault(ListTemplates.ContactColumn) is { Length: > 0 } contact
                && !Domain.Organisation.PhoneNumbers.IsMobile(contact) && !Domain.Organisation.PhoneNumbers.IsLandline(contact))
            {
                errors.Add(new(row, ListTemplates.ContactColumn, $"联系方式“{contact}”不是有效的手机号或固定电话"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid([.. errors.OrderBy(e => e.Row)]);
        }
        task.Lists[item] = [.. sheet.Rows.Select(r => columns.Value!.ToDictionary(c => c, c => r.Cells.GetValueOrDefault(c, "")))];
        task.Lists = new Dictionary<int, List<Dictionary<string, string>>>(task.Lists);
        task.DraftVersion++;
        task.DraftSavedAt = clock.UtcNow;
        task.DraftSavedBy = actor.UserName;
        db.Record(actor, AuditActions.Import, $"任务 {task.GroupLabel} 第{item}项清单", detail: $"{fileName}：{sheet.Rows.Count}行");
        await db.SaveChangesAsync();
        return Outcome<int>.Ok(sheet.Rows.Count);
    }
}
