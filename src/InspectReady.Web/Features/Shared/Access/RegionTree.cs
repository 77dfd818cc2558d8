using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Access;

/// <summary>The regions as a tree (市 → 区/县 → 街道/乡镇), read in one query: the table is small.</summary>
public sealed class RegionTree
{
    private readonly Dictionary<Guid, Guid?> parents;

    private RegionTree(Dictionary<Guid, Guid?> parents) => this.parents = parents;

    public static async Task<RegionTree> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ParentId, ct));

    /// <summary>The region and every region below it; empty when the region does not exist.</summary>
    public Guid[] SubtreeOf(Guid root)
    {
        if (!parents.ContainsKey(root))
        {
            return [];
        }
        var result = new HashSet<Guid> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (id, parent) in parents)
            {
                if (parent is { } p && result.Contains(p) && result.Add(id))
                {
                    grew = true;
                }
            }
        }
        return [.. result];
    }

    /// <summary>
    /// The region and the regions below it, as a query: the levels (市 → 区/县 → 街道/乡镇, under at most a 省) make a
    /// tree at most four deep, so three generations below the root reach every descendant.
    /// </summary>
    public static IQueryable<Guid> SubtreeQuery(AppDbContext db, Guid root) =>
        db.Regions.Where(r => r.Id == root || r.ParentId == root
                || db.Regions.Any(p => p.Id == r.ParentId && (p.ParentId == root || db.Regions.Any(g => g.Id == p.ParentId && g.ParentId == root))))
            .Select(r => r.Id);

    /// <summary>The region and every region above it.</summary>
    public Guid[] AncestorsOf(Guid region)
    {
        var result = new List<Guid>();
        for (Guid? current = region; current is { } c && parents.ContainsKey(c) && !result.Contains(c); current = parents[c])
        {
            result.Add(c);
        }
        return [.. result];
    }
}
