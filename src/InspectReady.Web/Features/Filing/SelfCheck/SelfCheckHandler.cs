using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.Web.Features.Filing.SelfCheck;

public sealed record SelfCheckRowDto(Guid TaskId, Guid UnitId, string? UnitName, IReadOnlyList<int> IndicatorNos, bool IsLead, string Status,
    bool Started, IReadOnlyList<RuleViolation> Problems)
{
    public string StatusLabel => FilingStatus.Label(Status);
}

public sealed record SelfCheckDto(int Tasks, int NotStarted, int WithProblems, int Clean, IReadOnlyList<SelfCheckRowDto> Rows);

/// <summary>
/// 自查: every task without a filing, every rule its draft breaks and every checklist item still missing, per unit
/// or for the whole campaign, so units find the faults before the inspectors do.
/// </summary>
public sealed class SelfCheckHandler(IDbContextFactory<AppDbContext> factory)
{
    public async Task<Outcome<SelfCheckDto>> RunAsync(UserScope actor, Guid campaignId, Guid? unitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var reach = await FilingReach.ResolveAsync(db, actor);
        var loaded = await CampaignAccess.LoadAsync(db, reach, campaignId);
        if (!loaded.IsOk)
        {
            return loaded.As<SelfCheckDto>();
        }
        var campaign = loaded.Value!;
        if (unitId is { } requested && !reach.SeesUnitOf(campaign, requested))
        {
            await Visibility.DeniedAsync(db, actor, $"自查结果 单位 {requested}", "其他单位的自查结果");
            return Outcome<SelfCheckDto>.NotFound();
        }
        var scopeUnit = reach.ConfinedTo(campaign) ?? unitId;
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Attachments)
            .Where(t => t.CampaignId == campaignId && !t.Removed && (scopeUnit == null || t.UnitId == scopeUnit)).ToListAsync();
        var nodes = await db.FrameworkNodes.AsNoTracking().Where(n => n.FrameworkId == campaign.FrameworkId && n.No != null).ToListAsync();
        var checklists = nodes.ToDictionary(n => n.No!.Value, n => n.MaterialItems);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);
        var rows = tasks
            .Select(t => new SelfCheckRowDto(t.Id, t.UnitId, names.GetValueOrDefault(t.UnitId), t.IndicatorNos, t.IsLead, t.Status,
                t.DraftVersion > 0 || t.Attachments.Count > 0 || t.Status != FilingStatus.Draft,
                t.Status == FilingStatus.Approved ? [] : FilingValidator.Validate(t, checklists.GetValueOrDefault(t.IndicatorNos[0]) ?? [], campaign.CutoffDate)))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.IndicatorNos[0]).ToList();
        return Outcome<SelfCheckDto>.Ok(new SelfCheckDto(rows.Count, rows.Count(r => !r.Started), rows.Count(r => r.Problems.Count > 0),
            rows.Count(r => r.Problems.Count == 0), rows));
    }

    /// <summary>One row per problem (or one "无问题" row per clean task), ready to hand to the units.</summary>
    public async Task<Outcome<ExportWorkbook>> ExportAsync(UserScope actor, Guid campaignId, Guid? unitId)
    {
        var result = await RunAsync(actor, campaignId, unitId);
        if (!result.IsOk)
        {
            return result.As<ExportWorkbook>();
        }
        var rows = result.Value!.Rows.SelectMany(r => (r.Problems.Count == 0 ? [null] : r.Problems.Cast<RuleViolation?>()).Select(p => new Dictionary<string, object?>
        {
            ["单位"] = r.UnitName,
            ["指标序号"] = string.Join("、", r.IndicatorNos),
            ["职责"] = r.IsLead ? "牵头" : "配合",
            ["状态"] = r.Started ? r.StatusLabel : "未填报",
            ["问题类别"] = p?.Rule ?? "无问题",
            ["问题说明"] = p?.Message ?? "",
        }));
        return Outcome<ExportWorkbook>.Ok(ExportWorkbook.Of(new ExportedFile("自查结果.xlsx", "自查结果", $"创建活动 {campaignId}"),
            ("自查结果", rows.ToList())));
    }
}
