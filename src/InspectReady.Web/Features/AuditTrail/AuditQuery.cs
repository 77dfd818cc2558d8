using InspectReady.Web.Features.Shared.Export;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.Web.Features.AuditTrail;

public sealed record AuditFilter(DateTime? From = null, DateTime? To = null, string? User = null, string? Action = null,
    string? Result = null, string? Keyword = null);

public sealed record AuditEntryDto(long Sequence, DateTime At, string UserName, Guid? UnitId, string? ClientAddress, string Action,
    string? Target, string Result, string? Detail);

/// <summary>The audit administrator's view: filter, page, export and verify the HMAC-SM3 chain.</summary>
public sealed class AuditQuery(IDbContextFactory<AppDbContext> factory, IChinaClock clock, AuditIntegrity integrity)
{
    /// <summary>Reading the trail is itself audited (等保 audit of the auditor), and so is a refused attempt.</summary>
    public async Task<Outcome<Paged<AuditEntryDto>>> SearchAsync(UserScope actor, AuditFilter filter, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!actor.CanReadAudit)
        {
            await RecordDeniedAsync(db, actor, AuditActions.Search);
            return Outcome<Paged<AuditEntryDto>>.Forbidden();
        }
        var result = await Apply(db.AuditEntries.AsNoTracking(), filter).OrderByDescending(a => a.Sequence)
            .Select(a => new AuditEntryDto(a.Sequence, a.At, a.UserName, a.UnitId, a.ClientAddress, a.Action, a.Target, a.Result, a.Detail))
            .ToPageAsync(page);
        db.Record(actor, AuditActions.Search, "审计日志", detail: $"{Describe(filter)}；第{result.Page}页，{result.Items.Count}/{result.Total}条");
        await db.SaveChangesAsync();
        return Outcome<Paged<AuditEntryDto>>.Ok(result);
    }

    /// <summary>Streams the matching entries into an .xlsx; the export itself is audited.</summary>
    public async Task<Outcome<ExportedFile>> ExportAsync(UserScope actor, AuditFilter filter, ExportStamp stamp, Stream output)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!actor.CanReadAudit)
        {
            await RecordDeniedAsync(db, actor, AuditActions.Export);
            return Outcome<ExportedFile>.Forbidden();
        }
        var rows = Apply(db.AuditEntries.AsNoTracking(), filter).OrderBy(a => a.Sequence).AsEnumerable()
            .Select(a => new Dictionary<string, object?>
            {
                ["序号"] = a.Sequence,
                ["时间"] = ChinaTime.Seconds(a.At),
                ["用户"] = a.UserName,
                ["单位"] = a.UnitId?.ToString(),
                ["来源地址"] = a.ClientAddress,
                ["操作"] = a.Action,
                ["对象"] = a.Target,
                ["结果"] = a.Result,
                ["说明"] = a.Detail,
                ["MAC（HMAC-SM3）"] = a.Hash,
                ["密钥"] = a.KeyId,
            });
        var file = new ExportedFile($"审计日志-{clock.Now:yyyyMMddHHmm}.xlsx", "审计日志", Describe(filter));
        await Exports.WriteWorkbookAsync(output, ExportWorkbook.Of(file, ("审计日志", rows)), stamp);
        return Outcome<ExportedFile>.Ok(file);
    }

    public async Task<Outcome<AuditVerification>> VerifyAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!actor.CanReadAudit)
        {
            await RecordDeniedAsync(db, actor, AuditActions.Search);
            return Outcome<AuditVerification>.Forbidden();
        }
        var result = await integrity.VerifyAsync();
        db.Record(actor, AuditActions.Search, "审计日志 哈希链校验", result.Intact ? AuditResult.Success : AuditResult.Failure, result.Summary);
        await db.SaveChangesAsync();
        return Outcome<AuditVerification>.Ok(result);
    }

    public async Task RecordDeniedAsync(UserScope actor, string action)
    {
        await using var db = await factory.CreateDbContextAsync();
        await RecordDeniedAsync(db, actor, action);
    }

    /// <summary>Records a refused attempt to read the trail, so the audit administrator sees who tried.</summary>
    private static async Task RecordDeniedAsync(AppDbContext db, UserScope actor, string action)
    {
        db.Record(actor, action, "审计日志", AuditResult.Denied, "非审计管理员");
        await db.SaveChangesAsync();
    }

    private static string Describe(AuditFilter f) => string.Join("，", new[]
    {
        f.From is { } from ? $"自{from:yyyy-MM-dd HH:mm}" : null, f.To is { } to ? $"至{to:yyyy-MM-dd HH:mm}" : null,
        f.User is { Length: > 0 } u ? $"用户“{u}”" : null, f.Action is { Length: > 0 } a ? $"操作“{a}”" : null,
        f.Result is { Length: > 0 } r ? $"结果“{r}”" : null, f.Keyword is { Length: > 0 } k ? $"关键词“{k}”" : null,
    }.Where(x => x is not null).DefaultIfEmpty("全部"));

    private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> q, AuditFilter f)
    {
        if (f.From is { } from)
        {
            q = q.Where(a => a.At >= DateTime.SpecifyKind(from, DateTimeKind.Utc));
        }
        if (f.To is { } to)
        {
            q = q.Where(a => a.At <= DateTime.SpecifyKind(to, DateTimeKind.Utc));
        }
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            q = q.Where(a => a.UserName.Contains(f.User));
        }
        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            q = q.Where(a => a.Action == f.Action);
        }
        if (!string.IsNullOrWhiteSpace(f.Result))
        {
            q = q.Where(a => a.Result == f.Result);
        }
        if (!string.IsNullOrWhiteSpace(f.Keyword))
        {
            q = q.Where(a => (a.Target != null && a.Target.Contains(f.Keyword)) || (a.Detail != null && a.Detail.Contains(f.Keyword)));
        }
        return q;
    }
}
