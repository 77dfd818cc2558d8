using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Files;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Filing;

/// <summary>Attachments of a filing: streamed to disk, checked by content, stored once per content, previewed in place.</summary>
public sealed class AttachmentsHandler(IDbContextFactory<AppDbContext> factory, FileStore files)
{
    /// <summary>Checks before the body is read, so a refused upload is not streamed at all.</summary>
    public async Task<Outcome<FilingTask>> AuthorizeUploadAsync(UserScope actor, Guid taskId, string? kind)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, taskId);
        if (!loaded.IsOk)
        {
            return loaded.As<FilingTask>();
        }
        var (reach, task, _) = loaded.Value!;
        if (!TaskAccess.CanFile(reach, task))
        {
            return await Visibility.ForbiddenAsync<FilingTask>(db, actor, $"任务 {task.GroupLabel} 附件");
        }
        if (!FilingStatus.IsEditable(task.Status))
        {
            return Outcome<FilingTask>.Conflict($"任务状态为“{FilingStatus.Label(task.Status)}”，不能上传附件");
        }
        if (kind is not null && AttachmentKinds.Parse(kind) is null)
        {
            return Outcome<FilingTask>.Invalid("kind", $"附件类别只能是：{AttachmentKinds.Codes.Describe()}");
        }
        return Outcome<FilingTask>.Ok(task);
    }

    public async Task<Outcome<AttachmentDto>> UploadAsync(UserScope actor, Guid taskId, Stream content, string fileName, string? kind, int? itemIndex,
        CancellationToken ct)
    {
        var check = await AuthorizeUploadAsync(actor, taskId, kind);
        if (!check.IsOk)
        {
            return new Outcome<AttachmentDto>(check.Kind, null, check.Errors);
        }
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(content, fileName, ct);
        }
        catch (FileRejectedException e)
        {
            return Outcome<AttachmentDto>.Invalid("file", e.Message);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        // Re-checked in the insert's own transaction: the task is read again and its row version bumped, so an
        // upload authorised before a sign-off (or any other move) cannot land after it.
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !FilingStatus.IsEditable(task.Status))
        {
            return Outcome<AttachmentDto>.Conflict(task is null ? "任务不存在" : $"任务状态为“{FilingStatus.Label(task.Status)}”，不能上传附件");
        }
        task.Touch();
        var attachment = new TaskAttachment
        {
            TaskId = taskId, Sha256 = stored.Sha256, FileName = SafeName(fileName), ContentType = stored.ContentType, Size = stored.Size,
            Kind = AttachmentKinds.Parse(kind) ?? AttachmentKinds.Evidence, ItemIndex = itemIndex, UploadedBy = actor.UserName,
        };
        db.TaskAttachments.Add(attachment);
        db.Record(actor, AuditActions.Create, $"任务 {check.Value!.GroupLabel} 附件 {attachment.Id}", detail: $"SHA-256 {stored.Sha256}，{stored.Size}字节");
        if (!await db.TrySaveChangesAsync(ct))
        {
            return Outcome<AttachmentDto>.Conflict($"任务 {task.GroupLabel}：{Concurrency.Message}");
        }
        return Outcome<AttachmentDto>.Ok(ToDto(attachment));
    }

    public async Task<Outcome<bool>> DeleteAsync(UserScope actor, Guid attachmentId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var found = await Visible(db, reach).LoadOr404Async(db, actor, a => a.Id == attachmentId, a => db.Tasks.Where(t => t.Id == a.TaskId).Select(t => t.UnitId).First(), $"附件 {attachmentId}");
        if (!found.IsOk)
        {
            return found.As<bool>();
        }
        var attachment = found.Value!;
        var check = await AuthorizeUploadAsync(actor, attachment.TaskId, null);
        if (!check.IsOk)
        {
            return new Outcome<bool>(check.Kind, false, check.Errors);
        }
        // The stored content stays: earlier submitted versions still name it. As for an upload, the task's state is
        // re-checked in the delete's transaction.
        var task = await db.Tasks.FirstAsync(t => t.Id == attachment.TaskId);
        if (!FilingStatus.IsEditable(task.Status))
        {
            return Outcome<bool>.Conflict($"任务状态为“{FilingStatus.Label(task.Status)}”，不能删除附件");
        }
        task.Touch();
        db.TaskAttachments.Remove(attachment);
        db.Record(actor, AuditActions.Delete, $"任务 {check.Value!.GroupLabel} 附件 {attachment.Id}");
        if (!await db.TrySaveChangesAsync())
        {
            return Outcome<bool>.Conflict($"任务 {task.GroupLabel}：{Concurrency.Message}");
        }
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<(TaskAttachment Attachment, Stream Content)>> OpenAsync(UserScope actor, Guid attachmentId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var found = await Visible(db, reach).AsNoTracking()
            .LoadOr404Async(db, actor, a => a.Id == attachmentId, a => db.Tasks.Where(t => t.Id == a.TaskId).Select(t => t.UnitId).First(), $"附件 {attachmentId}");
        if (!found.IsOk)
        {
            return found.As<(TaskAttachment, Stream)>();
        }
        var attachment = found.Value!;
        if (!files.Exists(attachment.Sha256))
        {
            return Outcome<(TaskAttachment, Stream)>.NotFound();
        }
        db.Record(actor, AuditActions.Download, $"附件 {attachment.FileName}", detail: $"任务 {attachment.TaskId}，SHA-256 {attachment.Sha256}");
        await db.SaveChangesAsync();
        return Outcome<(TaskAttachment, Stream)>.Ok((attachment, files.OpenRead(attachment.Sha256)));
    }

    /// <summary>The attachments of the tasks the actor may open (<see cref="TaskAccess.Visible"/>).</summary>
    public static IQueryable<TaskAttachment> Visible(AppDbContext db, FilingReach reach)
    {
        var tasks = TaskAccess.Visible(db, reach);
        return db.TaskAttachments.Where(a => tasks.Any(t => t.Id == a.TaskId));
    }

    public static AttachmentDto ToDto(TaskAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.Kind, a.ItemIndex, a.UploadedAt,
        a.UploadedBy, FileTypes.Previewable(a.ContentType));

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        return file.Length > 200 ? file[^200..] : file;
    }
}
