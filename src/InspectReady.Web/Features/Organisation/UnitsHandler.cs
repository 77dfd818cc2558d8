using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Organisation;

public sealed class UnitsHandler(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>A unit-bound user sees only their own unit; cross-unit roles see all.</summary>
    public async Task<IReadOnlyList<UnitDto>> ListAsync(UserScope actor, string? keyword = null, string? tag = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Units.AsNoTracking().Include(u => u.Region).AsQueryable();
        if (!actor.SeesAllUnits)
        {
            query = query.Where(u => u.Id == actor.UnitId);
        }
        if (!string.IsNullOrWhiteSpace(tag))
        {
            query = query.Where(u => u.Tags.Any(t => t.Tag == tag));
        }
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var k = keyword.Trim();
            query = query.Where(u => u.Name.Contains(k) || u.Aliases.Any(a => a.Alias.Contains(k)));
        }
        var units = await query.ToListAsync();
        return [.. units.OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal).Select(ToDto)];
    }

    public async Task<Outcome<UnitDto>> GetAsync(UserScope actor, Guid id)
    {
        if (!actor.CanSeeUnit(id))
        {
            // Not 403: another unit's data does not exist for this user.
            return Outcome<UnitDto>.NotFound();
        }
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking().Include(u => u.Region).FirstOrDefaultAsync(u => u.Id == id);
        return unit is null ? Outcome<UnitDto>.NotFound() : Outcome<UnitDto>.Ok(ToDto(unit));
    }

    /// <summary>Resolves a name or alias (区市场监管局 → 区市场监督管理局).</summary>
    public async Task<UnitDto?> ResolveAsync(string name)
    {
        var n = UnitNames.Normalise(name);
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking().Include(u => u.Region)
            .FirstOrDefaultAsync(u => u.Name == n || u.Aliases.Any(a => a.Alias == n));
        return unit is null ? null : ToDto(unit);
    }

    public async Task<Outcome<UnitDto>> CreateAsync(UserScope actor, UnitRequest request)
    {
        if (!actor.CanManageOrganisation)
        {
            return Outcome<UnitDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var errors = await ValidateAsync(db, request, null);
        if (errors.Count > 0)
        {
            return Outcome<UnitDto>.Invalid(errors);
        }
        var unit = Build(request);
        db.Units.Add(unit);
        db.Record(actor, AuditActions.Create, $"单位 {unit.Name}");
        await db.SaveChangesAsync();
        unit.Region = await db.Regions.FindAsync(unit.RegionId);
        return Outcome<UnitDto>.Ok(ToDto(unit));
    }

    public async Task<Outcome<UnitDto>> UpdateAsync(UserScope actor, Guid id, UnitRequest request)
    {
        if (!actor.CanManageOrganisation)
        {
            return actor.CanSeeUnit(id) ? Outcome<UnitDto>.Forbidden() : Outcome<UnitDto>.NotFound();
        }
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Region).FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return Outcome<UnitDto>.NotFound();
        }
        var errors = await ValidateAsync(db, request, id);
        if (errors.Count > 0)
        {
            return Outcome<UnitDto>.Invalid(errors);
        }
        var before = $"{unit.Name}/{UnitKind.Label(unit.Kind)}";
        unit.Name = UnitNames.Normalise(request.Name!);
        unit.Kind = UnitKind.Parse(request.Kind)!;
        unit.RegionId = request.RegionId!.Value;
        unit.SetAliases(request.Aliases ?? []);
        unit.SetTags(request.Tags ?? []);
        db.Record(actor, AuditActions.Update, $"单位 {unit.Name}", detail: $"原为 {before}");
        await db.SaveChangesAsync();
        unit.Region = await db.Regions.FindAsync(unit.RegionId);
        return Outcome<UnitDto>.Ok(ToDto(unit));
    }

    public async Task<Outcome<bool>> DeleteAsync(UserScope actor, Guid id)
    {
        if (!actor.CanManageOrganisation)
        {
            return actor.CanSeeUnit(id) ? Outcome<bool>.Forbidden() : Outcome<bool>.NotFound();
        }
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.FindAsync(id);
        if (unit is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (await db.People.AnyAsync(p => p.UnitId == id) || await db.Users.AnyAsync(u => u.UnitId == id))
        {
            return Outcome<bool>.Conflict("该单位下仍有人员或账号，不能删除");
        }
        db.Units.Remove(unit);
        db.Record(actor, AuditActions.Delete, $"单位 {unit.Name}");
        await db.SaveChangesAsync();
        return Outcome<bool>.Ok(true);
    }

    internal static Unit Build(UnitRequest request)
    {
        var unit = new Unit { Name = UnitNames.Normalise(request.Name!), Kind = UnitKind.Parse(request.Kind)!, RegionId = request.RegionId!.Value };
        unit.SetAliases(request.Aliases ?? []);
        unit.SetTags(request.Tags ?? []);
        return unit;
    }

    /// <summary>Field checks shared by the form, the API and the Excel import.</summary>
    internal static async Task<List<FieldError>> ValidateAsync(AppDbContext db, UnitRequest request, Guid? self, int? row = null,
        Func<string, string>? column = null)
    {
        column ??= f => f;
        var errors = new List<FieldError>();
        var name = UnitNames.Normalise(request.Name ?? "");
        if (name.Length == 0)
        {
            errors.Add(new(row, column("name"), "单位名称不能为空"));
        }
        if (UnitKind.Parse(request.Kind) is null)
        {
            errors.Add(new(row, column("kind"), $"单位类别“{request.Kind}”无效，只能是：{UnitKind.Codes.Describe()}"));
        }
        if (request.RegionId is not { } regionId || !await db.Regions.AnyAsync(r => r.Id == regionId))
        {
            errors.Add(new(row, column("regionId"), "所属区划不存在"));
        }
        var names = new[] { name }.Concat(UnitNames.Distinct(request.Aliases ?? [])).Where(n => n.Length > 0).ToList();
        foreach (var n in names)
        {
            var clash = await db.Units.AsNoTracking()
                .Where(u => u.Id != self && (u.Name == n || u.Aliases.Any(a => a.Alias == n)))
                .Select(u => u.Name).FirstOrDefaultAsync();
            if (clash is not null)
            {
                errors.Add(new(row, column(n == name ? "name" : "aliases"), $"“{n}”已被单位“{clash}”使用"));
            }
        }
        return errors;
    }

    public static UnitDto ToDto(Unit u) => new(u.Id, u.Name, u.RegionId, u.Region?.Name, u.Kind,
        [.. u.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal)], [.. u.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)], u.IsSample);
}
