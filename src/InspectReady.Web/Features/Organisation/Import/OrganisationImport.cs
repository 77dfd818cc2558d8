using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.Web.Features.Organisation.Import;

public sealed record ImportSummary(int Units, int People);

/// <summary>
/// Bulk import of units and people from the template: every bad row is reported with its row and column,
/// and nothing is written unless every row is good.
/// </summary>
public sealed class OrganisationImport(IDbContextFactory<AppDbContext> factory)
{
    public const string UnitsSheet = "单位";
    public const string PeopleSheet = "人员";
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly string[] UnitColumns = ["单位名称", "所属区划", "单位类别", "别名", "标签"];
    private static readonly string[] PeopleColumns = ["姓名", "所属单位", "职务", "迎检职责", "手机", "办公电话"];
    private static readonly Dictionary<string, string> PeopleColumnOf = new()
    {
        ["name"] = "姓名", ["campaignRole"] = "迎检职责", ["mobile"] = "手机", ["officePhone"] = "办公电话",
    };
    private static readonly string[] RequiredUnitColumns = ["单位名称", "所属区划", "单位类别"];
    private static readonly string[] RequiredPeopleColumns = ["姓名", "所属单位", "迎检职责"];

    public static void WriteTemplate(Stream output)
    {
        static Dictionary<string, object?> Empty(IEnumerable<string> columns) => columns.ToDictionary(c => c, _ => (object?)null);
        var help = new List<Dictionary<string, object?>>
        {
            new() { ["项目"] = "单位类别", ["可填写的值"] = string.Join("、", UnitKind.All) },
            new() { ["项目"] = "所属区划", ["可填写的值"] = "区划名称，如“卫东区”；重名时写完整路径，如“平顶山市/卫东区”" },
            new() { ["项目"] = "别名、标签", ["可填写的值"] = "多个值用顿号“、”分隔，如“区市场监管局、市场监管局”" },
            new() { ["项目"] = "迎检职责", ["可填写的值"] = string.Join("、", CampaignRole.All) },
            new() { ["项目"] = "所属单位", ["可填写的值"] = "单位名称或别名，可以是本文件“单位”表中的单位" },
            new() { ["项目"] = "手机", ["可填写的值"] = "11位手机号" },
        };
        // MiniExcel writes headers from the first row's keys; an all-empty row gives the bare template.
        MiniExcel.SaveAs(output, new Dictionary<string, object>
        {
            [UnitsSheet] = new[] { Empty(UnitColumns) },
            [PeopleSheet] = new[] { Empty(PeopleColumns) },
            ["填写说明"] = help,
        });
    }

    public async Task<Outcome<ImportSummary>> ImportAsync(UserScope actor, Stream file, string fileName)
    {
        if (!actor.CanManageOrganisation)
        {
            return Outcome<ImportSummary>.Forbidden();
        }
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !ExcelSheets.LooksLikeXlsx(file))
        {
            return Outcome<ImportSummary>.Invalid([new FieldError(null, "file", $"文件“{fileName}”不是 .xlsx 格式的 Excel 文件")]);
        }
        var errors = new List<FieldError>();
        IReadOnlyList<string> sheets;
        try
        {
            sheets = ExcelSheets.SheetNames(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            return Outcome<ImportSummary>.Invalid([new FieldError(null, "file", $"文件“{fileName}”无法读取：不是有效的 Excel 文件")]);
        }
        if (!sheets.Contains(UnitsSheet) && !sheets.Contains(PeopleSheet))
        {
            return Outcome<ImportSummary>.Invalid([new FieldError(null, "file", $"文件“{fileName}”中没有“{UnitsSheet}”或“{PeopleSheet}”工作表，请使用导入模板")]);
        }

        await using var db = await factory.CreateDbContextAsync();
        var regions = await db.Regions.AsNoTracking().ToListAsync();
        var existingUnits = await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync();
        var newUnits = new List<Unit>();

        if (sheets.Contains(UnitsSheet))
        {
            var unitRows = ExcelSheets.Read(file, UnitsSheet, RequiredUnitColumns, errors, fileName);
            var seen = new Dictionary<string, int>();
            foreach (var (row, cells) in unitRows.Rows)
            {
                var name = UnitNames.Normalise(Cell(cells, "单位名称"));
                var kind = Cell(cells, "单位类别");
                var region = ResolveRegion(regions, Cell(cells, "所属区划"));
                var aliases = UnitNames.SplitList(Cell(cells, "别名"));
                if (name.Length == 0)
                {
                    errors.Add(new(row, "单位名称", "单位名称不能为空"));
                }
                if (!UnitKind.IsValid(kind))
                {
                    errors.Add(new(row, "单位类别", $"单位类别“{kind}”无效，只能是：{string.Join("、", UnitKind.All)}"));
                }
                if (region is null)
                {
                    errors.Add(new(row, "所属区划", $"区划“{Cell(cells, "所属区划")}”不存在或不唯一"));
                }
                foreach (var n in new[] { name }.Concat(aliases).Where(n => n.Length > 0))
                {
                    var column = n == name ? "单位名称" : "别名";
                    if (seen.TryGetValue(n, out var first))
                    {
                        errors.Add(new(row, column, $"“{n}”与第{first}行重复"));
                    }
                    else
                    {
                        seen[n] = row;
                    }
                    if (existingUnits.FirstOrDefault(u => u.Answers(n)) is { } clash)
                    {
                        errors.Add(new(row, column, $"“{n}”已被系统中的单位“{clash.Name}”使用"));
                    }
                }
                if (name.Length > 0 && region is not null && UnitKind.IsValid(kind))
                {
                    var unit = new Unit { Name = name, Kind = kind, RegionId = region.Id };
                    unit.SetAliases(aliases);
                    unit.SetTags(UnitNames.SplitList(Cell(cells, "标签")));
                    newUnits.Add(unit);
                }
            }
        }

        var newPeople = new List<Person>();
        if (sheets.Contains(PeopleSheet))
        {
            var peopleRows = ExcelSheets.Read(file, PeopleSheet, RequiredPeopleColumns, errors, fileName);
            var known = existingUnits.Concat(newUnits).ToList();
            foreach (var (row, cells) in peopleRows.Rows)
            {
                var unitName = Cell(cells, "所属单位");
                var unit = known.FirstOrDefault(u => u.Answers(unitName));
                if (unit is null)
                {
                    errors.Add(new(row, "所属单位", $"单位“{unitName}”不存在"));
                }
                var request = new PersonRequest(Cell(cells, "姓名"), unit?.Id, Cell(cells, "职务"), Cell(cells, "迎检职责"),
                    Cell(cells, "手机"), Cell(cells, "办公电话"));
                var fieldErrors = PeopleHandler.ValidateFields(request, row, f => PeopleColumnOf[f]);
                errors.AddRange(fieldErrors);
                if (unit is not null && fieldErrors.Count == 0)
                {
                    newPeople.Add(PeopleHandler.Build(request));
                }
            }
        }

        if (errors.Count > 0)
        {
            db.Record(actor, AuditActions.Import, $"组织机构导入 {fileName}", AuditResult.Failure, $"{errors.Count}处错误，未导入");
            await db.SaveChangesAsync();
            return Outcome<ImportSummary>.Invalid([.. errors.OrderBy(e => e.Row)]);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        db.Units.AddRange(newUnits);
        db.People.AddRange(newPeople);
        db.Record(actor, AuditActions.Import, $"组织机构导入 {fileName}", detail: $"单位{newUnits.Count}个，人员{newPeople.Count}人");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<ImportSummary>.Ok(new ImportSummary(newUnits.Count, newPeople.Count));
    }

    private static string Cell(IReadOnlyDictionary<string, string> cells, string header) =>
        cells.TryGetValue(header, out var v) ? v : "";

    /// <summary>By name when unique, else by a path such as 平顶山市/卫东区.</summary>
    private static Region? ResolveRegion(List<Region> regions, string text)
    {
        var parts = text.Split('/', '／', '>').Select(UnitNames.Normalise).Where(p => p.Length > 0).ToArray();
        if (parts.Length == 0)
        {
            return null;
        }
        var candidates = regions.Where(r => r.Name == parts[^1]).ToList();
        for (var i = parts.Length - 2; i >= 0 && candidates.Count > 1; i--)
        {
            var ancestor = parts[i];
            candidates = [.. candidates.Where(c => regions.FirstOrDefault(p => p.Id == c.ParentId)?.Name == ancestor)];
        }
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
