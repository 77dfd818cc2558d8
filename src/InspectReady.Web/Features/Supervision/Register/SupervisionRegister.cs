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

using InspectReady.Web.Features.Supervision.Accountability;
using InspectReady.Web.Features.Supervision.Notices;
namespace InspectReady.Web.Features.Supervision.Register;

/// <summary>督导检查台账 as a workbook: what the two lists show the actor, one sheet each.</summary>
public sealed class SupervisionRegister(NoticeListHandler noticeList, AccountabilityHandler accountability)
{
    /// <summary>督导检查台账: the notices and the accountability records the user may see, one sheet each.</summary>
    public async Task<Outcome<ExportWorkbook>> ExportAsync(UserScope actor, Guid campaignId)
    {
        var probe = await noticeList.NoticesAsync(actor, campaignId);
        if (!probe.IsOk)
        {
            return probe.As<ExportWorkbook>();
        }
        var notices = probe.Value ?? [];
        var records = (await accountability.RecordsAsync(actor, campaignId)).Value ?? [];
        var noticeRows = notices.OrderBy(n => n.No).Select(n => new NoticeRow
        {
            Number = n.Number, Unit = n.UnitName, Title = n.Title, Items = string.Join("\n", n.Items.Select(i => $"{i.Index}. {i.Text}")),
            Answers = string.Join("\n", n.Items.Where(i => i.Answer is not null).Select(i => $"{i.Index}. {i.Answer}")),
            Issued = IsoDate.Format(ChinaTime.DayOf(n.IssuedAt)), Deadline = n.Deadline.ToString("yyyy-MM-dd"), Status = n.StatusLabel + (n.Overdue ? "（逾期）" : ""),
            Closed = n.ClosedAt is { } closed ? IsoDate.Format(ChinaTime.DayOf(closed)) : "", Remark = n.ClosingRemark ?? "",
        }).ToList();
        var recordRows = records.OrderBy(r => r.Date).Select(r => new RecordRow
        {
            Date = r.Date.ToString("yyyy-MM-dd"), Unit = r.UnitName, Kind = r.KindLabel, Reason = r.Reason, Decision = r.Decision, Notice = r.NoticeNumber ?? "",
            Recorder = r.CreatedBy,
        }).ToList();
        return Outcome<ExportWorkbook>.Ok(ExportWorkbook.Of(
            new ExportedFile("督导检查台账.xlsx", "督导检查台账", $"督办单{noticeRows.Count}份，问责记录{recordRows.Count}条"),
            ("督办单", noticeRows), ("问责记录", recordRows)));
    }

    private sealed class NoticeRow
    {
        [ExcelColumnName("编号")] public string Number { get; init; } = "";
        [ExcelColumnName("被督办单位")] public string Unit { get; init; } = "";
        [ExcelColumnName("督办事由")] public string Title { get; init; } = "";
        [ExcelColumnName("督办事项")] public string Items { get; init; } = "";
        [ExcelColumnName("答复情况")] public string Answers { get; init; } = "";
        [ExcelColumnName("下发日期")] public string Issued { get; init; } = "";
        [ExcelColumnName("整改期限")] public string Deadline { get; init; } = "";
        [ExcelColumnName("状态")] public string Status { get; init; } = "";
        [ExcelColumnName("办结日期")] public string Closed { get; init; } = "";
        [ExcelColumnName("办结意见")] public string Remark { get; init; } = "";
    }

    private sealed class RecordRow
    {
        [ExcelColumnName("日期")] public string Date { get; init; } = "";
        [ExcelColumnName("单位")] public string Unit { get; init; } = "";
        [ExcelColumnName("问责方式")] public string Kind { get; init; } = "";
        [ExcelColumnName("事由")] public string Reason { get; init; } = "";
        [ExcelColumnName("处理决定")] public string Decision { get; init; } = "";
        [ExcelColumnName("关联督办单")] public string Notice { get; init; } = "";
        [ExcelColumnName("记录人")] public string Recorder { get; init; } = "";
    }
}
