using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Frameworks;

public sealed record IndicatorFilter(string? Method = null, IReadOnlyCollection<string>? UnitNames = null,
    IReadOnlyCollection<string>? UnitTags = null, string? UnitKind = null, string? Keyword = null);

/// <summary>Frameworks: list, read as a tree and as indicators, correct a checklist, map editions.</summary>
public sealed class FrameworksHandler(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyList<FrameworkDto>> ListAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var counts = await db.FrameworkNodes.Where(n => n.No != null).GroupBy(n => n.FrameworkId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var list = await db.Frameworks.AsNoTracking().OrderBy(f => f.CreatedAt).ToListAsync();
        return [.. list.Select(f => ToDto(f, counts.GetValueOrDefault(f.Id)))];
    }

    public async Task<Framework?> LoadAsync(Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Frameworks.AsNoTracking().Include(f => f.Nodes).AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id);
    }

    public async Task<Outcome<IReadOnlyList<IndicatorDto>>> IndicatorsAsync(Guid id, IndicatorFilter? filter = null)
    {
        var framework = await LoadAsync(id);
        if (framework is null)
        {
            return Outcome<IReadOnlyList<IndicatorDto>>.NotFound();
        }
        var all = Indicators(framework);
        return Outcome<IReadOnlyList<IndicatorDto>>.Ok(filter is null ? all : [.. all.Where(i => Matches(i, filter))]);
    }

    public async Task<Outcome<FrameworkTreeDto>> TreeAsync(Guid id)
    {
        var framework = await LoadAsync(id);
        if (framework is null)
        {
            return Outcome<FrameworkTreeDto>.NotFound();
        }
        IReadOnlyList<HeadingDto> Children(Guid? parent) => [.. framework.Nodes.Where(n => n.ParentId == parent && n.No is null)
            .OrderBy(n => n.Order)
            .Select(n => new HeadingDto(n.Level, n.Order, n.Text, Children(n.Id),
                [.. framework.Nodes.Where(c => c.ParentId == n.Id && c.No is not null).OrderBy(c => c.No).Select(c => c.No!.Value)]))];
        return Outcome<FrameworkTreeDto>.Ok(new FrameworkTreeDto(framework.Id, framework.Code, framework.Name, framework.Version, Children(null)));
    }

    /// <summary>An administrator's correction of the parsed checklist; an empty list restores the parsed one.</summary>
    public async Task<Outcome<IndicatorDto>> CorrectItemsAsync(UserScope actor, Guid id, int no, IReadOnlyList<MaterialItemRequest> items)
    {
        if (!CanManage(actor))
        {
            return Outcome<IndicatorDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var framework = await db.Frameworks.Include(f => f.Nodes).AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id);
        var node = framework?.Nodes.FirstOrDefault(n => n.No == no);
        if (framework is null || node is null)
        {
            return Outcome<IndicatorDto>.NotFound();
        }
        if (framework.IsLocked)
        {
            return Outcome<IndicatorDto>.Conflict(new FrameworkLockedException(framework.Code).Message);
        }
        var errors = new List<FieldError>();
        var corrected = new List<MaterialItem>();
        foreach (var (item, row) in items.Select((x, i) => (x, i + 1)))
        {
            var kind = ChecklistLabels.Kind(item.Kind);
            if (kind is null)
            {
                errors.Add(new(row, "kind", $"材料类型“{item.Kind}”无效，可选：{MaterialItemKindExtensions.Codes.Describe()}"));
            }
            if (string.IsNullOrWhiteSpace(item.Text))
            {
                errors.Add(new(row, "text", "材料要求的文字不能为空"));
            }
            CountRule? count = null;
            if (item.Count is { } c)
            {
                var relation = ChecklistLabels.Relation(c.Relation);
                if (relation is null || c.Count < 1 || !ChecklistLabels.CountUnits.Contains(c.Unit))
                {
                    errors.Add(new(row, "count", "数量规则须为 不超过/恰好/任选 + 正整数 + 个/件/家"));
                }
                else
                {
                    count = new CountRule(relation.Value, c.Count, c.Unit);
                }
            }
            if (item.SinceYear is { } y && (y < 2000 || y > 2100))
            {
                errors.Add(new(row, "sinceYear", $"起始年份{y}不合理"));
            }
            var fields = new List<RequiredField>();
            foreach (var label in item.RequiredFields ?? [])
            {
                if (ChecklistLabels.Field(label) is { } f)
                {
                    fields.Add(f);
                }
                else
                {
                    errors.Add(new(row, "requiredFields", $"必填信息“{label}”无效，可选：联系方式、网址、负责人"));
                }
            }
            if (kind is not null && !string.IsNullOrWhiteSpace(item.Text))
            {
                corrected.Add(new MaterialItem(item.Index, item.Text.Trim(), kind.Value, count, item.SinceYear, item.Period, fields));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<IndicatorDto>.Invalid(errors);
        }
        node.CorrectedItems = corrected.Count == 0 ? null : corrected;
        db.Record(actor, AuditActions.Update, $"指标体系 {framework.Code} 第{no}项材料清单", detail: corrected.Count == 0 ? "恢复为解析结果" : $"{corrected.Count}项");
        await db.SaveChangesAsync();
        return Outcome<IndicatorDto>.Ok(Indicators(framework).First(i => i.No == no));
    }

    /// <summary>How the indicators of <paramref name="fromId"/> carry into <paramref name="toId"/>: same number unless overridden.</summary>
    public async Task<Outcome<IReadOnlyList<MappingEntryDto>>> MappingAsync(Guid fromId, Guid toId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var from = await db.FrameworkNodes.Where(n => n.FrameworkId == fromId && n.No != null).Select(n => n.No!.Value).ToListAsync();
        var to = (await db.FrameworkNodes.Where(n => n.FrameworkId == toId && n.No != null).Select(n => n.No!.Value).ToListAsync()).ToHashSet();
        if (from.Count == 0 || to.Count == 0)
        {
            return Outcome<IReadOnlyList<MappingEntryDto>>.NotFound();
        }
        var overrides = await db.FrameworkMappings.Where(m => m.FromFrameworkId == fromId && m.ToFrameworkId == toId).ToDictionaryAsync(m => m.FromNo, m => m.ToNo);
        return Outcome<IReadOnlyList<MappingEntryDto>>.Ok([.. from.Order().Select(no => overrides.TryGetValue(no, out var target)
            ? new MappingEntryDto(no, target, false)
            : new MappingEntryDto(no, to.Contains(no) ? no : null, true))]);
    }

    public async Task<Outcome<IReadOnlyList<MappingEntryDto>>> SetMappingAsync(UserScope actor, Guid fromId, Guid toId, IReadOnlyList<MappingEntryDto> entries)
    {
        if (!CanManage(actor))
        {
            return Outcome<IReadOnlyList<MappingEntryDto>>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var from = (await db.FrameworkNodes.Where(n => n.FrameworkId == fromId && n.No != null).Select(n => n.No!.Value).ToListAsync()).ToHashSet();
        var to = (await db.FrameworkNodes.Where(n => n.FrameworkId == toId && n.No != null).Select(n => n.No!.Value).ToListAsync()).ToHashSet();
        if (from.Count == 0 || to.Count == 0)
        {
            return Outcome<IReadOnlyList<MappingEntryDto>>.NotFound();
        }
        var errors = entries.Select((e, i) => (e, Row: i + 1))
            .SelectMany(x => new[]
            {
                from.Contains(x.e.FromNo) ? null : new FieldError(x.Row, "fromNo", $"原版本没有第{x.e.FromNo}项指标"),
                x.e.ToNo is not { } t || to.Contains(t) ? null : new FieldError(x.Row, "toNo", $"新版本没有第{t}项指标"),
            }).OfType<FieldError>().ToList();
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<MappingEntryDto>>.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.FrameworkMappings.Where(m => m.FromFrameworkId == fromId && m.ToFrameworkId == toId).ExecuteDeleteAsync();
        db.FrameworkMappings.AddRange(entries.Where(e => e.ToNo != e.FromNo)
            .Select(e => new FrameworkMapping { FromFrameworkId = fromId, ToFrameworkId = toId, FromNo = e.FromNo, ToNo = e.ToNo }));
        db.Record(actor, AuditActions.Update, "指标体系版本对应关系", detail: $"{fromId} → {toId}：{entries.Count(e => e.ToNo != e.FromNo)}项调整");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return await MappingAsync(fromId, toId);
    }

    public static bool CanManage(UserScope actor) => actor.IsInAnyRole(Roles.SystemAdmin, Roles.Office);

    public static IReadOnlyList<IndicatorDto> Indicators(Framework framework) =>
        [.. framework.Indicators.Select(n => ToIndicator(framework, n))];

    private static IndicatorDto ToIndicator(Framework framework, FrameworkNode n)
    {
        var ancestors = framework.AncestorsOf(n);
        var items = n.MaterialItems;
        var max = MaterialsParser.MaxItems(items);
        return new IndicatorDto(n.No!.Value, ancestors.ElementAtOrDefault(0)?.Text ?? "", ancestors.ElementAtOrDefault(1)?.Text ?? "",
            n.Text, n.Methods, n.Materials, [.. items.Select(i => ToItem(i, framework.DefaultCutoff))], n.Units, n.MaterialsGroup,
            max is null ? null : ToCount(max), MaterialsParser.Since(items), n.CorrectedItems is not null);
    }

    private static MaterialItemDto ToItem(MaterialItem i, DateOnly? cutoff)
    {
        var (from, to) = MaterialWindow.Of(i, cutoff);
        return new MaterialItemDto(i.Index, i.Text, i.Kind.Code(), i.Count is null ? null : ToCount(i.Count), i.SinceYear, i.Period,
            [.. i.RequiredFields.Select(ChecklistLabels.Of)], from, to);
    }

    private static CountRuleDto ToCount(CountRule c) => new(ChecklistLabels.Of(c.Relation), c.Count, c.Unit);

    private static bool Matches(IndicatorDto i, IndicatorFilter f) =>
        (string.IsNullOrWhiteSpace(f.Method) || i.Methods.Contains(EvaluationMethods.Parse(f.Method) ?? f.Method))
        && (f.UnitNames is not { Count: > 0 } names || ResponsibleUnits.Names(i.Units, names.First(), names.Skip(1), f.UnitTags ?? [], f.UnitKind ?? ""))
        && (string.IsNullOrWhiteSpace(f.Keyword) || i.Text.Contains(f.Keyword, StringComparison.Ordinal)
            || (i.Materials?.Contains(f.Keyword, StringComparison.Ordinal) ?? false) || i.Level1.Contains(f.Keyword, StringComparison.Ordinal)
            || i.Level2.Contains(f.Keyword, StringComparison.Ordinal));

    public static FrameworkDto ToDto(Framework f, int count) => new(f.Id, f.Code, f.Name, f.Version, count, f.IsBuiltIn, f.IsLocked, f.DefaultCutoff);
}
