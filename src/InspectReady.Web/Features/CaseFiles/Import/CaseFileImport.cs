using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.Web.Features.CaseFiles.Import;

/// <summary>
/// Excel import of one kind of case files into one unit's register, from that kind's template: every bad row
/// is reported with its row, column and a Chinese message, and nothing is written unless every row is good.
/// </summary>
public sealed class CaseFileImport(IDbContextFactory<AppDbContext> factory)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string HelpSheet = "填写说明";

    public static string TemplateFileName(string kind) => $"{kind}案卷导入模板.xlsx";

    /// <summary>A sheet named after the kind with its columns (required ones marked *), and a sheet explaining each column.</summary>
    public static void WriteTemplate(string kind, Stream output)
    {
        var fields = CaseFields.For(kind);
        var header = fields.ToDictionary(f => Header(kind, f), _ => (object?)null);
        var help = fields.Select(f => new Dictionary<string, object?>
        {
            ["列"] = Header(kind, f),
            ["是否必填"] = CaseFields.NeedOf(kind, f) == CaseFieldNeed.Required ? "必填" : "选填",
            ["填写要求"] = f.Type switch
            {
                CaseFieldType.Date => "日期，格式 YYYY-MM-DD，如 2021-10-08",
                CaseFieldType.YesNo => "填“是”或“否”，不填视为“否”",
                CaseFieldType.Choice => $"只能填：{string.Join("、", CommentRules.All)}；不填按30日检查",
                _ => $"文字，不超过{CaseFileReader.MaxText}字",
            },
        }).ToList();
        MiniExcel.SaveAs(output, new Dictionary<string, object> { [kind] = new[] { header }, [HelpSheet] = help });
    }

    public async Task<Outcome<CaseImportSummaryDto>> ImportAsync(UserScope actor, Guid unitId, string? kind, Stream file, string fileName)
    {
        await using (var access = await factory.CreateDbContextAsync())
        {
            if (!await CaseFileAccess.SeesUnitAsync(access, actor, unitId))
            {
                return Outcome<CaseImportSummaryDto>.NotFound();
            }
        }
        if (!CaseFileAccess.CanWrite(actor, unitId))
        {
            return Outcome<CaseImportSummaryDto>.Forbidden();
        }
        if (!CaseKind.IsValid(kind))
        {
            return Outcome<CaseImportSummaryDto>.Invalid("kind", $"案卷类别“{kind}”无效，只能是：{string.Join("、", CaseKind.All)}");
        }
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !ExcelSheets.LooksLikeXlsx(file))
        {
            return Outcome<CaseImportSummaryDto>.Invalid([new FieldError(null, "file", $"文件“{fileName}”不是 .xlsx 格式的 Excel 文件")]);
        }
        IReadOnlyList<string> sheets;
        try
        {
            sheets = ExcelSheets.SheetNames(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            return Outcome<CaseImportSummaryDto>.Invalid([new FieldError(null, "file", $"文件“{fileName}”无法读取：不是有效的 Excel 文件")]);
        }
        if (!sheets.Contains(kind!))
        {
            return Outcome<CaseImportSummaryDto>.Invalid([new FieldError(null, "file", $"文件“{fileName}”中没有“{kind}”工作表，请下载“{kind}”类的导入模板填写")]);
        }

        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Units.AnyAsync(u => u.Id == unitId))
        {
            return Outcome<CaseImportSummaryDto>.Invalid("unitId", "所属单位不存在");
        }
        var fields = CaseFields.For(kind!);
        var keyOf = fields.ToDictionary(f => CaseFields.HeaderOf(kind!, f), f => f.Key);
        var errors = new List<FieldError>();
        var required = fields.Where(f => CaseFields.NeedOf(kind!, f) == CaseFieldNeed.Required).Select(f => CaseFields.HeaderOf(kind!, f)).ToList();
        var sheet = ExcelSheets.Read(file, kind!, required, errors, fileName);
        foreach (var unknown in sheet.Headers.Where(h => !keyOf.ContainsKey(h)))
        {
            errors.Add(new FieldError(1, unknown, $"未知列“{unknown}”：“{kind}”类案卷没有该项，请使用导入模板"));
        }
        if (sheet.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError(2, null, $"工作表“{kind}”没有数据行"));
        }

        var existing = (await db.CaseFiles.AsNoTracking().Where(c => c.UnitId == unitId).Select(c => c.CaseNumber).ToListAsync()).ToHashSet();
        var seen = new Dictionary<string, int>();
        var imported = new List<CaseFile>();
        foreach (var (row, cells) in sheet.Rows)
        {
            var input = new CaseFileInput(cells.Where(c => keyOf.ContainsKey(c.Key)).ToDictionary(c => keyOf[c.Key], c => (string?)c.Value));
            var file1 = new CaseFile { UnitId = unitId, Kind = kind!, CaseNumber = "", Cause = "", CreatedBy = actor.UserName };
            var problems = CaseFileReader.Read(kind!, input, file1);
            errors.AddRange(problems.Select(p => new FieldError(row, CaseFields.HeaderOf(kind!, p.Field), p.Message)));
            var number = file1.CaseNumber;
            var numberColumn = CaseFields.HeaderOf(kind!, CaseFields.CaseNumber);
            if (number.Length > 0 && !seen.TryAdd(number, row))
            {
                errors.Add(new FieldError(row, numberColumn, $"案号“{number}”与第{seen[number]}行重复"));
            }
            if (existing.Contains(number))
            {
                errors.Add(new FieldError(row, numberColumn, $"本单位已有案号为“{number}”的案卷"));
            }
            if (problems.Count == 0)
            {
                imported.Add(file1);
            }
        }

        if (errors.Count > 0)
        {
            db.Record(actor, AuditActions.Import, $"案卷导入 {fileName}", AuditResult.Failure, $"{kind}，单位 {unitId}；{errors.Count}处错误，未导入");
            await db.SaveChangesAsync();
            return Outcome<CaseImportSummaryDto>.Invalid([.. errors.OrderBy(e => e.Row ?? 0)]);
        }
        db.CaseFiles.AddRange(imported);
        db.Record(actor, AuditActions.Import, $"案卷导入 {fileName}", detail: $"{kind}，单位 {unitId}；{imported.Count}件");
        await db.SaveChangesAsync();
        return Outcome<CaseImportSummaryDto>.Ok(new CaseImportSummaryDto(imported.Count));
    }

    private static string Header(string kind, CaseField field) =>
        CaseFields.HeaderOf(kind, field) + (CaseFields.NeedOf(kind, field) == CaseFieldNeed.Required ? "*" : "");
}
