using System.Linq.Expressions;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Access;

/// <summary>"Load it or 404": one way for every policy to fetch a resource through its visible query.</summary>
public static class Visibility
{
    /// <summary>
    /// The resource when the policy's visible query holds it. Otherwise 404, unless it belongs to the actor's own unit
    /// (the role may not touch it: 403); either denial of an existing resource is audited.
    /// </summary>
    public static async Task<Outcome<T>> LoadOr404Async<T>(this IQueryable<T> visible, AppDbContext db, UserScope actor,
        Expression<Func<T, bool>> match, Expression<Func<T, Guid>> unitOf, string what, CancellationToken ct = default) where T : class
    {
        if (await visible.FirstOrDefaultAsync(match, ct) is { } found)
        {
            return Outcome<T>.Ok(found);
        }
        var owners = await db.Set<T>().AsNoTracking().Where(match).Select(unitOf).Take(1).ToListAsync(ct);
        if (owners.Count == 0)
        {
            return Outcome<T>.NotFound();
        }
        var ownUnit = actor.UnitId == owners[0];
        await DeniedAsync(db, actor, what, ownUnit ? "本单位资源，角色无权访问" : "其他单位或区划的资源", ct);
        return ownUnit ? Outcome<T>.Forbidden() : Outcome<T>.NotFound();
    }

    /// <summary>Audits a refused attempt: one row, saved at once. Called before the operation changes anything.</summary>
    public static async Task DeniedAsync(AppDbContext db, UserScope actor, string what, string why, CancellationToken ct = default)
    {
        db.Record(actor, AuditActions.AccessDenied, what, AuditResult.Denied, why);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A 403 of a policy, audited.</summary>
    public static async Task<Outcome<TOut>> ForbiddenAsync<TOut>(AppDbContext db, UserScope actor, string what, CancellationToken ct = default)
    {
        await DeniedAsync(db, actor, what, "角色无权执行该操作", ct);
        return Outcome<TOut>.Forbidden();
    }
}
