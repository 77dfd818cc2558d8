using InspectReady.Web.Features.Shared.Notifications;
using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Supervision;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace InspectReady.Web.Features.Supervision.Notices;

/// <summary>The unit answers a 督办单 item by item; when all are answered the office is told to close it.</summary>
public sealed class AnswerNoticeHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    /// <summary>The unit's liaison or leader answers one item (again, to correct it, until the notice is closed).</summary>
    public async Task<Outcome<NoticeDto>> AnswerAsync(UserScope actor, Guid id, int index, AnswerRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var loaded = await SupervisionAccess.LoadAsync(db, reach, id, tracked: true);
        if (!loaded.IsOk)
        {
            return loaded.As<NoticeDto>();
        }
        var notice = loaded.Value!;
        if (!SupervisionAccess.CanAnswer(reach, notice))
        {
            return await Visibility.ForbiddenAsync<NoticeDto>(db, actor, $"督办单 {notice.Number} 答复");
        }
        var answer = request.Answer?.Trim() ?? "";
        if (answer.Length is 0 or > 4000)
        {
            return Outcome<NoticeDto>.Invalid("answer", "答复内容不能为空，且不超过4000字");
        }
        var before = notice.Status;
        try
        {
            notice.Answer(index, answer, actor.UserName, clock.UtcNow);
        }
        catch (SupervisionException e)
        {
            return notice.Items.All(i => i.Index != index) ? Outcome<NoticeDto>.NotFound() : Outcome<NoticeDto>.Conflict(e.Message);
        }
        var names = await SupervisionViews.UnitNamesAsync(db);
        db.Record(actor, AuditActions.Update, $"督办单 {notice.Number} 第{index}项答复", detail: $"{SupervisionStatus.Label(before)} → {SupervisionStatus.Label(notice.Status)}");
        if (notice.Status == SupervisionStatus.Answered && before != SupervisionStatus.Answered)
        {
            await SupervisionViews.NotifyAsync(db, clock.UtcNow, [Roles.Office], null, "督办单已答复", $"{names.GetValueOrDefault(notice.UnitId)} 已答复{notice.Number}的全部事项，请审核办结", notice.Id);
        }
        if (!await db.TrySaveChangesAsync())
        {
            return Outcome<NoticeDto>.Conflict($"督办单 {notice.Number}：{Concurrency.Message}");
        }
        return Outcome<NoticeDto>.Ok(SupervisionViews.ToDto(notice, names, clock.Today));
    }
}
