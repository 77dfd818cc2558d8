using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles.Checks;
using InspectReady.Web.Domain.CaseFiles.Reviews;
using InspectReady.Web.Features.Calendar;
using InspectReady.Web.Features.CaseFiles.Rectifications;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles.ReviewResults;

/// <param name="AverageScore">Mean of the reviewed files' scores; null when none is reviewed yet.</param>
public sealed record UnitResultDto(Guid UnitId, string UnitName, int Registered, int Sampled, int Reviewed, decimal? AverageScore,
    IReadOnlyDictionary<string, int> Grades, int FailedChecks, int OpenRectifications, int OverdueRectifications);

/// <param name="Score">Mean of the file's submitted reviews, to one decimal.</param>
public sealed record FileScoreDto(Guid CaseFileId, Guid UnitId, string UnitName, string Kind, string CaseNumber, string Cause, int Reviews,
    decimal? Score, string? Grade, IReadOnlyList<string> FailedChecks)
{
    public string KindLabel => CaseKind.Label(Kind);

    /// <summary>等次 label of <see cref="Grade"/> (a code: excellent, good, pass, fail); null when not reviewed.</summary>
    public string? GradeLabel => Grade is null ? null : ReviewGrades.Label(Grade);
}

public sealed record ReviewResultsDto(IReadOnlyList<UnitResultDto> Units, IReadOnlyList<FileScoreDto> Files, IReadOnlyList<RectificationDto> Rectifications);

/// <summary>评查结果: by unit and by sampled file, with the failed checks and the rectification list, as the actor may see them.</summary>
public sealed class ResultsHandler(IDbContextFactory<AppDbContext> factory, WorkingCalendarHandler calendar, RectificationsHandler rectifications, IChinaClock clock)
{
    public async Task<ReviewResultsDto> GetAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var visibleUnits = await CaseFileAccess.Units(db, actor).ToListAsync();
        var files = await db.CaseFiles.AsNoTracking().Include(c => c.Unit).Include(c => c.Officers)
            .Where(c => visibleUnits.Contains(c.UnitId)).ToListAsync();
        var sampledIds = (await db.SamplingDraws.AsNoTracking().Where(d => d.SupersededBy == null).SelectMany(d => d.Items)
            .Select(i => i.CaseFileId).ToListAsync()).ToHashSet();
        var reviews = await db.CaseReviews.AsNoTracking().Include(r => r.Items).Where(r => r.Submitted && visibleUnits.Contains(r.UnitId)).ToListAsync();
        var items = await rectifications.ListAsync(actor);
        var current = await calendar.GetAsync();
        var today = clock.Today;

        var scored = files.Where(f => sampledIds.Contains(f.Id) || reviews.Any(r => r.CaseFileId == f.Id)).Select(f =>
        {
            var own = reviews.Where(r => r.CaseFileId == f.Id).ToList();
            decimal? score = own.Count == 0 ? null : decimal.Round(own.Average(r => r.Total), 1);
            var failed = CaseChecks.Run(f, current, today).Where(c => c.Status == CheckStatus.Failed).Select(c => $"{c.Title}：{c.Finding}").ToList();
            return new FileScoreDto(f.Id, f.UnitId, f.Unit?.Name ?? "", f.Kind, f.CaseNumber, f.Cause, own.Count, score,
                score is { } s ? ReviewGrades.Of(s) : null, failed);
        }).OrderBy(f => f.UnitName, StringComparer.Ordinal).ThenBy(f => f.Kind).ThenBy(f => f.CaseNumber, StringComparer.Ordinal).ToList();

        var units = files.GroupBy(f => f.UnitId).Select(g =>
        {
            var unitFiles = scored.Where(s => s.UnitId == g.Key).ToList();
            var withScore = unitFiles.Where(s => s.Score is not null).ToList();
            return new UnitResultDto(g.Key, g.First().Unit?.Name ?? "", g.Count(), g.Count(f => sampledIds.Contains(f.Id)), withScore.Count,
                withScore.Count == 0 ? null : decimal.Round(withScore.Average(s => s.Score!.Value), 1),
                ReviewGrades.All.ToDictionary(grade => grade, grade => withScore.Count(s => s.Grade == grade)),
                unitFiles.Sum(s => s.FailedChecks.Count),
                items.Count(i => i.UnitId == g.Key && i.Status != Domain.CaseFiles.RectificationStatus.Confirmed),
                items.Count(i => i.UnitId == g.Key && i.Overdue));
        }).OrderBy(u => u.UnitName, StringComparer.Ordinal).ToList();
        return new ReviewResultsDto(units, scored, items);
    }
}
