using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing;

public sealed record NotificationDto(long Id, DateTime At, string Title, string? Body, string? Link, bool Read);

public sealed class NotificationsHandler(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyList<NotificationDto>> ListAsync(UserScope actor, bool unreadOnly)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        return await query.OrderByDescending(n => n.Id).Take(200)
            .Select(n => new NotificationDto(n.Id, n.At, n.Title, n.Body, n.Link, n.ReadAt != null)).ToListAsync();
    }

    public async Task<bool> MarkReadAsync(UserScope actor, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Id == id && n.UserId == actor.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, DateTime.UtcNow)) > 0;
    }
}
