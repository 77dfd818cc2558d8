using System.Collections.Concurrent;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing;

/// <summary>
/// The evaluation methods of each indicator of a framework, by indicator number. A framework a campaign runs on is
/// locked, and a locked framework never changes (<c>Framework.Lock</c> sets once), so its map is kept for the
/// process's life and a task list reads no framework rows; an unlocked framework is read each time.
/// </summary>
public sealed class FrameworkMethods
{
    private readonly ConcurrentDictionary<Guid, IReadOnlyDictionary<int, IReadOnlyList<string>>> locked = new();

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> OfAsync(AppDbContext db, Guid frameworkId)
    {
        if (locked.TryGetValue(frameworkId, out var known))
        {
            return known;
        }
        var isLocked = await db.Frameworks.Where(f => f.Id == frameworkId).Select(f => f.LockedAt != null).FirstOrDefaultAsync();
        var map = (await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == frameworkId && n.No != null)
                .Select(n => new { n.No, n.Methods }).ToListAsync())
            .ToDictionary(n => n.No!.Value, n => (IReadOnlyList<string>)n.Methods);
        if (isLocked)
        {
            locked[frameworkId] = map;
        }
        return map;
    }
}
