using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Import;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles.Import;

/// <summary>
/// Excel import of one kind of case files into one unit's register, from that kind's template: every bad row
/// is reported with its row, column and a Chinese message, and nothing is written unless every row is good.
/// </summary>
public sealed class CaseFileImport(IDbContextFactory<AppDbContext> factory)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string HelpSheet = ImportTemplate.HelpSheet;

    public static string TemplateFileName(string kind) => $"{CaseKind.Label(kind)}案卷导入模板.xlsx";

    /// <summary>The sheet of one kind: named after it, with the kind's visible fields (required ones marked * in the template).</summary>
    public static ImportSheet Spec(string kind) => new(CaseKind.Label(kind),
    [
        .. CaseFields.For(kind).Select(f =>
        {
            var header = CaseFields.HeaderOf(kind, f);
            var required = CaseFields.NeedOf(kind, f) == CaseFieldNeed.Required;
            return f.Type switch
            {
                CaseFieldType.Date => new ImportColumn(header, ImportType.Date, required) { StarInTemplate = true },
                CaseFieldType.Choice => ImportColumn.Choice(header, CommentRules.All, required) with { StarInTemplate = true, Help = "不填按30日检查" },
                CaseFieldType.YesNo => new ImportColumn(header, ImportType.Text, required) { StarInTemplate = true, Help = "填“是”或“否”，不填视为“否”" },
                _ => new ImportColumn(header, ImportType.Text, required) { StarInTemplate = true, MaxLength = CaseFileReader.MaxText },
            };
        }),
    ])
    { ExampleInSheet = false };

    /// <summary>A sheet named after the kind with its columns (required ones marked *), and a sheet explaining each column.</summary>
    public static Task WriteTemplateAsync(string kind, Stream output) => ImportTemplate.WriteAsync(output, Spec(kind));

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
        kind = CaseKind.Parse(kind) ?? kind;
        if (!CaseKind.IsValid(kind))
        {
            return Outcome<CaseImportSummaryDto>.Invalid("kind", $"案卷类别“{kind}”无效，只能是：{CaseKind.Codes.Describe()}");
        }
        var opened = ImportFile.Open(file, fileName);
        if (!opened.IsOk)
        {
            return opened.As<CaseImportSummaryDto>();
        }
        var book = opened.Value!;
        var label = CaseKind.Label(kind);
        if (!book.HasSheet(label))
        {
            return ImportFile.Refuse($"文件“{fileName}”中没有“{label}”工作表，请下载“{label}”类的导入模板填写").As<CaseImportSummaryDto>();
        }

        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Units.AnyAsync(u => u.Id == unitId))
        {
            return Outcome<CaseImportSummaryDto>.Invalid("unitId", "所属单位不存在");
        }
        var fields = CaseFields.For(kind!);
        var keyOf = fields.ToDictionary(f => CaseFields.HeaderOf(kind!, f), f => f.Key);
        var numberColumn = CaseFields.HeaderOf(kind!, CaseFields.CaseNumber);
        var existing = (await db.CaseFiles.AsNoTracking().Where(c => c.UnitId == unitId).Select(c => c.CaseNumber).ToListAsync()).ToHashSet();
        var seen = new Dictionary<string, int>();
        var imported = new List<CaseFile>();
        var sheet = book.Sheet(Spec(kind!), label);
        foreach (var r in sheet)
        {
            var row = r.Number;
            var input = new CaseFileInput(r.Cells.Where(c => keyOf.ContainsKey(c.Key)).ToDictionary(c => keyOf[c.Key], c => (string?)c.Value));
            var file1 = new CaseFile { UnitId = unitId, Kind = kind!, CaseNumber = "", Cause = "", CreatedBy = actor.UserName };
            var problems = CaseFileReader.Read(kind!, input, file1);
            sheet.AddRange(problems.Select(p => new FieldError(row, CaseFields.HeaderOf(kind!, p.Field), p.Message)));
            var number = file1.CaseNumber;
            if (number.Length > 0 && !seen.TryAdd(number, row))
            {
                r.Fail(numberColumn, $"案号“{number}”与第{seen[number]}行重复");
            }
            if (existing.Contains(number))
            {
                r.Fail(numberColumn, $"本单位已有案号为“{number}”的案卷");
            }
            if (problems.Count == 0 && r.ParsedCleanly)
            {
                imported.Add(file1);
            }
        }
        if (sheet.HeaderOk && sheet.RowCount == 0 && !book.HasErrors)
        {
            book.Add(new FieldError(2, null, $"工作表“{label}”没有数据行"));
        }
        return await Imports.CommitAsync(db, actor, book, $"案卷导入 {fileName}", () =>
        {
            db.CaseFiles.AddRange(imported);
            return Task.FromResult((new CaseImportSummaryDto(imported.Count), $"{label}，单位 {unitId}；{imported.Count}件"));
        }, $"{label}，单位 {unitId}");
    }
}
