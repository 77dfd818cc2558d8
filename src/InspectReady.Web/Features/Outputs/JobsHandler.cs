using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Outputs;

public sealed record JobDto(Guid Id, string Kind, string State, int Progress, string? Message, DateTime CreatedAt, DateTime? FinishedAt, string? ResultName, long? ResultSize)
{
    /// <summary>The Chinese label of <see cref="State"/> (a <see cref="JobStates"/> code).</summary>
    public string StateLabel => JobStates.Label(State);
}

public sealed record PackageRequest(bool? ApprovedOnly);

/// <summary>Queues packages and answers their progress and result, to the person who asked (or the office).</summary>
public sealed class JobsHandler(IDbContextFactory<AppDbContext> factory, DataRoot root)
{
    public async Task<Outcome<JobDto>> QueuePackageAsync(UserScope actor, Guid campaignId, PackageRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var campaign = await CampaignAccess.LoadAsync(db, await FilingReach.ResolveAsync(db, actor), campaignId);
        if (!campaign.IsOk)
        {
            return campaign.As<JobDto>();
        }
        var job = new Job
        {
            Kind = PackageJob.JobKind, CreatedBy = actor.UserName, CreatedByUserId = actor.UserId,
            Parameters = JsonSerializer.Serialize(new PackageParameters(campaignId, request.ApprovedOnly ?? false, actor.UserId, actor.UserName, actor.UnitId, [.. actor.Roles], actor.RegionId)),
        };
        db.Jobs.Add(job);
        db.Record(actor, AuditActions.Export, "迎检材料包", detail: $"创建活动 {campaignId}，任务 {job.Id}");
        await db.SaveChangesAsync();
        return Outcome<JobDto>.Ok(ToDto(job));
    }

    public async Task<Outcome<JobDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var job = await LoadAsync(db, actor, id);
        return job.IsOk ? Outcome<JobDto>.Ok(ToDto(job.Value!)) : job.As<JobDto>();
    }

    public async Task<Outcome<(string Path, string Name)>> ResultAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<(string, string)>();
        }
        var job = loaded.Value!;
        if (job.State == JobStates.Removed)
        {
            return Outcome<(string, string)>.Gone(JobStates.RemovedMessage);
        }
        if (job.State != JobStates.Succeeded || job.ResultPath is null)
        {
            return Outcome<(string, string)>.Conflict($"任务{JobStates.Label(job.State)}，尚无结果文件");
        }
        var path = root.Combine(job.ResultPath);
        if (!File.Exists(path))
        {
            // Removed outside retention (e.g. a restore from a backup, which does not carry packages).
            return Outcome<(string, string)>.Gone(JobStates.RemovedMessage);
        }
        db.Record(actor, AuditActions.Download, $"迎检材料包 {job.ResultName}", detail: $"后台任务 {job.Id}，{job.ResultSize}字节");
        await db.SaveChangesAsync();
        return Outcome<(string, string)>.Ok((path, job.ResultName ?? "result"));
    }

    /// <summary>
    /// A job belongs to who queued it, while they still see its campaign; the 创建办 of the campaign's region sees every
    /// job of it. Anyone else's answers 404, audited.
    /// </summary>
    private static async Task<Outcome<Job>> LoadAsync(AppDbContext db, UserScope actor, Guid id)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
        if (job is null)
        {
            return Outcome<Job>.NotFound();
        }
        var campaignId = job.Kind == PackageJob.JobKind ? JsonSerializer.Deserialize<PackageParameters>(job.Parameters)?.CampaignId : null;
        var reach = await FilingReach.ResolveAsync(db, actor);
        var campaign = campaignId is { } c ? await CampaignAccess.Visible(db, reach).AsNoTracking().FirstOrDefaultAsync(x => x.Id == c) : null;
        var mine = job.CreatedByUserId == actor.UserId && (campaignId is null || campaign is not null);
        if (mine || (campaign is not null && CampaignAccess.CanRun(reach, campaign.RegionId)))
        {
            return Outcome<Job>.Ok(job);
        }
        await Visibility.DeniedAsync(db, actor, $"后台任务 {job.Id}", "他人的后台任务");
        return Outcome<Job>.NotFound();
    }

    private static JobDto ToDto(Job j) => new(j.Id, j.Kind, j.State, j.Progress, j.Message, j.CreatedAt, j.FinishedAt, j.ResultName, j.ResultSize);
}
