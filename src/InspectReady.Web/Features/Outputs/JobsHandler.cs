using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Outputs;

public sealed record JobDto(Guid Id, string Kind, string State, int Progress, string? Message, DateTime CreatedAt, DateTime? FinishedAt, string? ResultName, long? ResultSize);

public sealed record PackageRequest(bool? ApprovedOnly);

/// <summary>Queues packages and answers their progress and result, to the person who asked (or the office).</summary>
public sealed class JobsHandler(IDbContextFactory<AppDbContext> factory, DataRoot root)
{
    public async Task<Outcome<JobDto>> QueuePackageAsync(UserScope actor, Guid campaignId, PackageRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId))
        {
            return Outcome<JobDto>.NotFound();
        }
        var job = new Job
        {
            Kind = PackageJob.JobKind, CreatedBy = actor.UserName, CreatedByUserId = actor.UserId,
            Parameters = JsonSerializer.Serialize(new PackageParameters(campaignId, request.ApprovedOnly ?? false, actor.UserId, actor.UserName, actor.UnitId, [.. actor.Roles])),
        };
        db.Jobs.Add(job);
        db.Record(actor, AuditActions.Export, "迎检材料包", detail: $"创建活动 {campaignId}，任务 {job.Id}");
        await db.SaveChangesAsync();
        return Outcome<JobDto>.Ok(ToDto(job));
    }

    public async Task<Outcome<JobDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
        return job is null || !CanSee(actor, job) ? Outcome<JobDto>.NotFound() : Outcome<JobDto>.Ok(ToDto(job));
    }

    public async Task<Outcome<(string Path, string Name)>> ResultAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
        if (job is null || !CanSee(actor, job))
        {
            return Outcome<(string, string)>.NotFound();
        }
        if (job.State != JobStates.Succeeded || job.ResultPath is null)
        {
            return Outcome<(string, string)>.Conflict($"任务{job.State}，尚无结果文件");
        }
        var path = root.Combine(job.ResultPath);
        return File.Exists(path) ? Outcome<(string, string)>.Ok((path, job.ResultName ?? "result")) : Outcome<(string, string)>.NotFound();
    }

    private static bool CanSee(UserScope actor, Job job) => job.CreatedByUserId == actor.UserId || actor.IsInRole(Roles.Office);

    private static JobDto ToDto(Job j) => new(j.Id, j.Kind, j.State, j.Progress, j.Message, j.CreatedAt, j.FinishedAt, j.ResultName, j.ResultSize);
}
