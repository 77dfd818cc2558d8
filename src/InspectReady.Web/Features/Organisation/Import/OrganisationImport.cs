using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Import;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The 单位 sheet: a unit per row.</summary>
    public static readonly ImportSheet UnitsSpec = new(UnitsSheet,
    [
        new("单位名称", Required: true) { Synonyms = ["名称"], Example = "示例区司法局" },
        new("所属区划", Required: true) { Synonyms = ["区划"], Help = "区划名称，如“卫东区”；重名时写完整路径，如“平顶山市/卫东区”", Example = "卫东区" },
        ImportColumn.Choice("单位类别", UnitKind.Codes.Options.Select(o => new ImportChoice(o.Code, o.Label)), required: true)
            with { Synonyms = ["类别"], Example = UnitKind.Label(UnitKind.DistrictDepartment) },
        new("别名") { Help = "多个值用顿号“、”分隔，如“区市场监管局、市场监管局”", Example = "示例司法局" },
        new("标签") { Help = "多个值用顿号“、”分隔", Example = "执法单位" },
    ]);

    /// <summary>The 人员 sheet: a person per row.</summary>
    public static readonly ImportSheet PeopleSpec = new(PeopleSheet,
    [
        new("姓名", Required: true) { Example = "张示例" },
        new("所属单位", Required: true) { Synonyms = ["单位"], Help = "单位名称或别名，可以是本文件“单位”表中的单位", Example = "示例区司法局" },
        new("职务") { Example = "科员" },
        new("迎检职责", Required: true) { HeaderOnly = true, Synonyms = ["职责"], Help = $"只能填：{string.Join("、", CampaignRole.Codes.Labels)}", Example = CampaignRole.Codes.Labels[^1] },
        new("手机") { Synonyms = ["手机号", "手机号码"], Help = "11位手机号", Example = "13800000000" },
        new("办公电话") { Synonyms = ["电话", "固定电话"], Help = "如 0375-1234567", Example = "0375-1234567" },
    ]);

    private static readonly Dictionary<string, string> PeopleColumnOf = new()
    {
        ["name"] = "姓名", ["campaignRole"] = "迎检职责", ["mobile"] = "手机", ["officePhone"] = "办公电话",
    };

    public static Task WriteTemplateAsync(Stream output) => ImportTemplate.WriteAsync(output, UnitsSpec, PeopleSpec);

    public async Task<Outcome<ImportSummary>> ImportAsync(UserScope actor, Stream file, string fileName)
    {
        if (!actor.CanManageOrganisation)
        {
            return Outcome<ImportSummary>.Forbidden();
        }
        var opened = ImportFile.Open(file, fileName);
        if (!opened.IsOk)
        {
            return opened.As<ImportSummary>();
        }
        var book = opened.Value!;
        if (!book.HasSheet(UnitsSheet) && !book.HasSheet(PeopleSheet))
        {
            return ImportFile.Refuse($"文件“{fileName}”中没有“{UnitsSheet}”或“{PeopleSheet}”工作表，请使用导入模板").As<ImportSummary>();
        }

        await using var db = await factory.CreateDbContextAsync();
        var regions = await db.Regions.AsNoTracking().ToListAsync();
        var existingUnits = await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync();
        var newUnits = new List<Unit>();

        if (book.HasSheet(UnitsSheet))
        {
            var sheet = book.Sheet(UnitsSpec);
            var seen = new Dictionary<string, int>();
            foreach (var r in sheet)
            {
                var row = r.Number;
                var name = UnitNames.Normalise(r.Text("单位名称"));
                var kind = r.Code("单位类别");
                var regionText = r.Text("所属区划");
                var region = regionText.Length == 0 ? null : ResolveRegion(regions, regionText);
                var aliases = UnitNames.SplitList(r.Text("别名"));
                if (regionText.Length > 0 && region is null)
                {
                    r.Fail("所属区划", $"区划“{regionText}”不存在或不唯一");
                }
                foreach (var n in new[] { name }.Concat(aliases).Where(n => n.Length > 0))
                {
                    var column = n == name ? "单位名称" : "别名";
                    if (seen.TryGetValue(n, out var first))
                    {
                        r.Fail(column, $"“{n}”与第{first}行重复");
                    }
                    else
                    {
                        seen[n] = row;
                    }
                    if (existingUnits.FirstOrDefault(u => u.Answers(n)) is { } clash)
                    {
                        r.Fail(column, $"“{n}”已被系统中的单位“{clash.Name}”使用");
                    }
                }
                if (name.Length > 0 && region is not null && kind is not null)
                {
                    var unit = new Unit { Name = name, Kind = kind, RegionId = region.Id };
                    unit.SetAliases(aliases);
                    unit.SetTags(UnitNames.SplitList(r.Text("标签")));
                    newUnits.Add(unit);
                }
            }
        }

        var newPeople = new List<Person>();
        if (book.HasSheet(PeopleSheet))
        {
            var sheet = book.Sheet(PeopleSpec);
            var known = existingUnits.Concat(newUnits).ToList();
            foreach (var r in sheet)
            {
                var unitName = r.Text("所属单位");
                var unit = unitName.Length == 0 ? null : known.FirstOrDefault(u => u.Answers(unitName));
                if (unitName.Length > 0 && unit is null)
                {
                    r.Fail("所属单位", $"单位“{unitName}”不存在");
                }
                var request = new PersonRequest(r.Text("姓名"), unit?.Id, r.Text("职务"), r.Text("迎检职责"), r.Text("手机"), r.Text("办公电话"));
                var fieldErrors = PeopleHandler.ValidateFields(request, r.Number, f => PeopleColumnOf[f]);
                sheet.AddRange(fieldErrors);
                if (unit is not null && fieldErrors.Count == 0 && r.ParsedCleanly)
                {
                    newPeople.Add(PeopleHandler.Build(request));
                }
            }
        }

        return await Imports.CommitAsync(db, actor, book, $"组织机构导入 {fileName}", () =>
        {
            db.Units.AddRange(newUnits);
            db.People.AddRange(newPeople);
            return Task.FromResult((new ImportSummary(newUnits.Count, newPeople.Count), $"单位{newUnits.Count}个，人员{newPeople.Count}人"));
        });
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
