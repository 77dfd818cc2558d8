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

namespace InspectReady.Web.Features.Supervision;

/// <summary>The supervision use cases' shared reading: unit names, the DTOs, the in-app notices.</summary>
internal static class SupervisionViews
{
    internal static async Task<Dictionary<Guid, string>> UnitNamesAsync(AppDbContext db) =>
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);

    internal static async Task<List<AccountabilityDto>> RecordDtosAsync(AppDbContext db, IReadOnlyList<AccountabilityRecord> records)
    {
        var names = await UnitNamesAsync(db);
        var noticeIds = records.Select(r => r.NoticeId).OfType<Guid>().Distinct().ToList();
        var notices = await db.SupervisionNotices.AsNoTracking().Where(n => noticeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Number);
        return [.. records.Select(r => new AccountabilityDto(r.Id, r.CampaignId, r.UnitId, names.GetValueOrDefault(r.UnitId) ?? "", r.Kind, r.Date, r.Reason,
            r.Decision, r.NoticeId, r.NoticeId is { } n ? notices.GetValueOrDefault(n) : null, r.CreatedAt, r.CreatedBy))];
    }

    internal static NoticeDto ToDto(SupervisionNotice n, IReadOnlyDictionary<Guid, string> names, DateOnly today) =>
        new(n.Id, n.CampaignId, n.No, n.Number, n.UnitId, names.GetValueOrDefault(n.UnitId) ?? "", n.Title, n.Reason, n.Deadline, n.Status, n.IsOverdue(today),
            n.IssuedAt, n.IssuedBy, n.ClosedAt, n.ClosedBy, n.ClosingRemark, n.TaskIds,
            [.. n.Items.OrderBy(i => i.Index).Select(i => new SupervisionItemDto(i.Index, i.Text, i.Answer, i.AnsweredAt, i.AnsweredBy))]);

    /// <summary>In-app notices to the enabled users holding one of the roles (in the unit, when given).</summary>
    internal static Task NotifyAsync(AppDbContext db, DateTime now, string[] roles, Guid? unitId, string title, string body, Guid? noticeId) =>
        Notifier.SendToRolesAsync(db, new NotifyMessage(title, body, noticeId is { } id ? $"/supervision/notices/{id}" : "/supervision", now), roles, unitId);
}
