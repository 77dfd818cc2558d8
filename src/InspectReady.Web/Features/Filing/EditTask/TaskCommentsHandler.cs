using InspectReady.Web.Features.Shared.Notifications;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Campaigns;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing.EditTask;

/// <summary>The comments under a task: read by whoever sees the task, written by those the policy lets comment.</summary>
public sealed class TaskCommentsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Outcome<IReadOnlyList<CommentDto>>> CommentsAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<IReadOnlyList<CommentDto>>();
        }
        return Outcome<IReadOnlyList<CommentDto>>.Ok(await db.TaskComments.AsNoTracking().Where(c => c.TaskId == id).OrderBy(c => c.Id)
            .Select(c => new CommentDto(c.At, c.UserName, c.Text)).ToListAsync());
    }

    public async Task<Outcome<CommentDto>> AddCommentAsync(UserScope actor, Guid id, CommentRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<CommentDto>();
        }
        var (reach, task, campaign) = loaded.Value!;
        if (!TaskAccess.CanComment(reach, campaign, task))
        {
            return await Visibility.ForbiddenAsync<CommentDto>(db, actor, $"任务 {task.GroupLabel} 评论");
        }
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 2000)
        {
            return Outcome<CommentDto>.Invalid("text", "评论内容不能为空，且不超过2000字");
        }
        var comment = new TaskComment { TaskId = id, UserName = actor.UserName, Text = request.Text.Trim(), At = clock.UtcNow };
        db.TaskComments.Add(comment);
        db.Record(actor, AuditActions.Create, $"任务 {task.GroupLabel} 评论");
        await db.SaveChangesAsync();
        return Outcome<CommentDto>.Ok(new CommentDto(comment.At, comment.UserName, comment.Text));
    }
}
