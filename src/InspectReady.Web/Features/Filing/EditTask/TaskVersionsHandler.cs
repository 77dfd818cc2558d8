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

/// <summary>The versions a leader's sign-off froze, and the comparison of two of them.</summary>
public sealed class TaskVersionsHandler(IDbContextFactory<AppDbContext> factory)
{
    public async Task<Outcome<IReadOnlyList<VersionDto>>> VersionsAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await TaskViews.LoadVisibleAsync(db, actor, id);
        if (!loaded.IsOk)
        {
            return loaded.As<IReadOnlyList<VersionDto>>();
        }
        var versions = await db.TaskVersions.AsNoTracking().Where(v => v.TaskId == id).OrderBy(v => v.Number).ToListAsync();
        return Outcome<IReadOnlyList<VersionDto>>.Ok([.. versions.Select(v => new VersionDto(v.Number, v.At, v.SignedOffBy, v.Statement, v.Links,
            v.Lists, v.NotApplicable, [.. v.Attachments.Select(a => a[65..])]))]);
    }

    public async Task<Outcome<VersionComparisonDto>> CompareAsync(UserScope actor, Guid id, int a, int b)
    {
        var versions = await VersionsAsync(actor, id);
        if (!versions.IsOk)
        {
            return new Outcome<VersionComparisonDto>(versions.Kind, null, versions.Errors);
        }
        await using var db = await factory.CreateDbContextAsync();
        var raw = await db.TaskVersions.AsNoTracking().Where(v => v.TaskId == id && (v.Number == a || v.Number == b)).ToListAsync();
        var left = raw.FirstOrDefault(v => v.Number == a);
        var right = raw.FirstOrDefault(v => v.Number == b);
        if (left is null || right is null)
        {
            return Outcome<VersionComparisonDto>.NotFound();
        }
        var lines = TextDiff.Lines(left.Statement ?? "", right.Statement ?? "").Select(l => new DiffLineDto(l.Kind, l.Text)).ToList();
        static string Name(string entry) => entry[65..];
        return Outcome<VersionComparisonDto>.Ok(new VersionComparisonDto(a, b, lines,
            [.. right.Attachments.Except(left.Attachments).Select(Name)], [.. left.Attachments.Except(right.Attachments).Select(Name)],
            [.. right.Links.Except(left.Links)], [.. left.Links.Except(right.Links)]));
    }
}
