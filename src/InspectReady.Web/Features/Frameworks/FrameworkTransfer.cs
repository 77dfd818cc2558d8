using InspectReady.Web.Features.Shared.Export;
using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Features.Shared.Import;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.Web.Features.Frameworks;

/// <summary>Import and export of a framework: Excel in the task list's columns, or JSON of the full structure.</summary>
public sealed class FrameworkTransfer(IDbContextFactory<AppDbContext> factory, FrameworksHandler frameworks, IChinaClock clock)
{
    public const long MaxImportBytes = 20 * 1024 * 1024;
    public const string SheetName = "任务清单";
    /// A second sheet carries what the task list's columns cannot: name, version and the materials cut-off.
    public const string InfoSheet = "体系信息";

    /// <summary>The task list's sheet: the seven columns must be there (cells may be empty where a heading continues from above); other columns are ignored.</summary>
    public static readonly ImportSheet TaskListSpec = new(SheetName,
    [
        new(TaskListTable.Level1, Required: true) { HeaderOnly = true, Help = "如“一、依法全面履行政府职能”；空白时延续上一行", Example = "一、依法全面履行政府职能" },
        new(TaskListTable.Level2, Required: true) { HeaderOnly = true, Help = "如“1. 推进政府机构职能优化协同高效。”；空白时延续上一行", Example = "1. 推进政府机构职能优化协同高效。" },
        new(TaskListTable.Number, Required: true) { HeaderOnly = true, Help = "正整数，从1起连续不重复", Example = "1" },
        new(TaskListTable.Text, Required: true) { HeaderOnly = true, Example = "示例三级指标内容。" },
        new(TaskListTable.Methods, Required: true) { HeaderOnly = true, Help = $"可选：{EvaluationMethods.DescribeLabels()}；多个用顿号分隔", Example = EvaluationMethods.Label(EvaluationMethods.All[0]) },
        new(TaskListTable.Materials, Required: true) { HeaderOnly = true, Help = "无需材料时填写“不需提供申报材料。”", Example = "不需提供申报材料。" },
        new(TaskListTable.Units, Required: true) { HeaderOnly = true, Help = "多个单位用顿号或换行分隔", Example = "区司法局" },
    ])
    { IgnoreUnknownColumns = true, ExampleInSheet = false };

    /// <summary>The optional 体系信息 sheet: 项目 (代码, 名称, 版本, 材料截止日期) and 值.</summary>
    public static readonly ImportSheet InfoSpec = new(InfoSheet,
    [
        new("项目") { Help = "代码、名称、版本或材料截止日期" },
        new("值"),
    ])
    { IgnoreUnknownColumns = true, ExampleInSheet = false };

    public static Task WriteTemplateAsync(Stream output) => ImportTemplate.WriteAsync(output, TaskListSpec, InfoSpec);

    public async Task<Outcome<FrameworkDto>> ImportAsync(UserScope actor, Stream file, string fileName, long length,
        string? code, string? name, string? version)
    {
        if (!FrameworksHandler.CanManage(actor))
        {
            return Outcome<FrameworkDto>.Forbidden();
        }
        if (length > MaxImportBytes)
        {
            return Fail($"文件“{fileName}”大小为{length / 1024 / 1024.0:0.0}MB，超过{MaxImportBytes / 1024 / 1024}MB上限");
        }
        var isJson = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!isJson && (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !ExcelSheets.LooksLikeXlsx(file)))
        {
            return Fail($"文件“{fileName}”不是 .xlsx 格式的 Excel 文件（也可导入本系统导出的 .json）");
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        FrameworkDraft? draft;
        IReadOnlyList<FieldError> errors;
        if (isJson)
        {
            try
            {
                (draft, errors) = FrameworkJson.Read(file, Blank(code), Blank(name), Blank(version));
            }
            catch (InvalidOperationException e)
            {
                return Fail($"文件“{fileName}”的字段类型不符：{e.Message}");
            }
        }
        else
        {
            var opened = ImportFile.Open(file, fileName);
            if (!opened.IsOk)
            {
                return opened.As<FrameworkDto>();
            }
            var book = opened.Value!;
            var info = new Dictionary<string, string>();
            var rows = new List<(int Row, IReadOnlyDictionary<string, string> Cells)>();
            ImportSheetReader sheet;
            try
            {
                if (book.HasSheet(InfoSheet))
                {
                    foreach (var r in book.Sheet(InfoSpec, InfoSheet))
                    {
                        info[r.Text("项目")] = r.Text("值");
                    }
                }
                // The task list is read from its sheet, or the first sheet of a workbook that has none of that name.
                sheet = book.Sheet(TaskListSpec);
                foreach (var r in sheet)
                {
                    rows.Add((r.Number, r.Cells));
                }
            }
            catch (Exception e) when (ImportFile.IsUnreadable(e))
            {
                return Fail($"文件“{fileName}”无法读取：不是有效的 Excel 文件");
            }
            if (book.HasErrors)
            {
                (draft, errors) = (null, book.SortedErrors());
            }
            else
            {
                (draft, errors) = TaskListTable.Read(sheet.Headers, rows,
                    Blank(code) ?? Blank(info.GetValueOrDefault("代码")) ?? $"import-{clock.Now:yyyyMMddHHmmss}",
                    Blank(name) ?? Blank(info.GetValueOrDefault("名称")) ?? stem,
                    Blank(version) ?? Blank(info.GetValueOrDefault("版本")) ?? clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ImportValues.Date(info.GetValueOrDefault("材料截止日期")));
                errors = [.. errors.Select(sheet.Locate)];
            }
        }
        await using var db = await factory.CreateDbContextAsync();
        if (draft is not null)
        {
            var extra = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(draft.Code) || draft.Code.Length > 64)
            {
                extra.Add(new(null, "code", "代码不能为空且不超过64个字符"));
            }
            else if (await db.Frameworks.AnyAsync(f => f.Code == draft.Code))
            {
                extra.Add(new(null, "code", $"代码“{draft.Code}”已被另一个指标体系使用；新版本请用新的代码"));
            }
            if (string.IsNullOrWhiteSpace(draft.Name))
            {
                extra.Add(new(null, "name", "名称不能为空"));
            }
            errors = extra;
        }
        if (draft is null || errors.Count > 0)
        {
            db.Record(actor, AuditActions.Import, $"指标体系 {fileName}", AuditResult.Failure, $"{errors.Count}处错误，未导入");
            await db.SaveChangesAsync();
            return Outcome<FrameworkDto>.Invalid(errors);
        }
        var framework = draft.ToFramework();
        db.Frameworks.Add(framework);
        db.Record(actor, AuditActions.Import, $"指标体系 {framework.Code}", detail: $"{fileName}：指标{framework.Indicators.Count()}项");
        await db.SaveChangesAsync();
        return Outcome<FrameworkDto>.Ok(FrameworksHandler.ToDto(framework, framework.Indicators.Count()));
    }

    /// <summary>The framework as xlsx (the task-list layout) or json (the whole structure), stamped with the mark.</summary>
    public async Task<Outcome<ExportedFile>> ExportAsync(Guid id, string format, ExportStamp stamp, Stream output)
    {
        var framework = await frameworks.LoadAsync(id);
        if (framework is null)
        {
            return Outcome<ExportedFile>.NotFound();
        }
        var file = new ExportedFile($"{framework.Code}.{format}", $"指标体系 {framework.Code}", format);
        if (format == "json")
        {
            var json = FrameworkJson.Write(framework);
            json["exportMark"] = stamp.Line;
            await JsonSerializer.SerializeAsync(output, json, FrameworkJson.Options);
        }
        else
        {
            var rows = TaskListTable.Write(framework).Select(r => r.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
            var info = new List<Dictionary<string, object?>>
            {
                new() { ["项目"] = "代码", ["值"] = framework.Code },
                new() { ["项目"] = "名称", ["值"] = framework.Name },
                new() { ["项目"] = "版本", ["值"] = framework.Version },
                new() { ["项目"] = "材料截止日期", ["值"] = framework.DefaultCutoff?.ToString("yyyy-MM-dd") },
            };
            await Exports.WriteWorkbookAsync(output, ExportWorkbook.Of(file, (SheetName, rows), (InfoSheet, info)), stamp);
        }
        return Outcome<ExportedFile>.Ok(file);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Outcome<FrameworkDto> Fail(string message) => Outcome<FrameworkDto>.Invalid([new FieldError(null, "file", message)]);
}
