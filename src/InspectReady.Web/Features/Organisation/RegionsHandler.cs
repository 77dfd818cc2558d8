using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Organisation;

public sealed class RegionsHandler(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>Regions are public reference data: every signed-in user reads the tree.</summary>
    public async Task<IReadOnlyList<RegionDto>> ListAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var all = await db.Regions.AsNoTracking().ToListAsync();
        return [.. all.OrderBy(r => RegionLevel.Rank(r.Level)).ThenBy(r => r.Name, StringComparer.Ordinal).Select(ToDto)];
    }

    public async Task<Outcome<RegionDto>> CreateAsync(UserScope actor, RegionRequest request)
    {
        if (!actor.CanManageOrganisation)
        {
            return Outcome<RegionDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var errors = new List<FieldError>();
        var name = UnitNames.Normalise(request.Name ?? "");
        if (name.Length == 0)
        {
            errors.Add(new(null, "name", "名称不能为空"));
        }
        request = request with { Level = RegionLevel.Parse(request.Level) ?? request.Level };
        if (!RegionLevel.IsValid(request.Level))
        {
            errors.Add(new(null, "level", $"层级只能是：{RegionLevel.Codes.Describe()}"));
        }
        Region? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Regions.FindAsync(parentId);
            if (parent is null)
            {
                errors.Add(new(null, "parentId", "上级区划不存在"));
            }
            else if (RegionLevel.IsValid(request.Level) && RegionLevel.Rank(request.Level!) <= RegionLevel.Rank(parent.Level))
            {
                errors.Add(new(null, "level", $"{RegionLevel.Label(request.Level)}不能隶属于{RegionLevel.Label(parent.Level)}"));
            }
        }
        if (errors.Count == 0 && await db.Regions.AnyAsync(r => r.ParentId == request.ParentId && r.Name == name))
        {
            errors.Add(new(null, "name", $"同一上级下已有“{name}”"));
        }
        if (errors.Count > 0)
        {
            return Outcome<RegionDto>.Invalid(errors);
        }
        var region = new Region { Name = name, Level = request.Level!, ParentId = parent?.Id };
        db.Regions.Add(region);
        db.Record(actor, AuditActions.Create, $"区划 {name}");
        await db.SaveChangesAsync();
        return Outcome<RegionDto>.Ok(ToDto(region));
    }

    public static RegionDto ToDto(Region r) => new(r.Id, r.Name, r.ParentId, r.Level, r.IsSample);
}
