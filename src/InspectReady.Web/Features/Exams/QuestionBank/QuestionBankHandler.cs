using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Exams.ImportQuestions;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.QuestionBank;

public sealed record QuestionDto(Guid Id, string Type, string TypeLabel, string Stem, IReadOnlyList<QuestionOption> Options, string Answer,
    IReadOnlyList<List<string>> Blanks, IReadOnlyList<KeyPoint> KeyPoints, string? Explanation, string Source, string SourceLabel, string? Article,
    string? LawVersion, int Difficulty, string DifficultyBand, IReadOnlyList<string> Tags, bool IsSample, bool NeedsReview, int Revision);

/// <summary>The fields of a question as a form or the API sends them (text, like an import row).</summary>
public sealed record QuestionRequest(string? Type, string? Stem, IReadOnlyList<QuestionOption>? Options, string? Answer, string? Explanation,
    string? Source, string? Article, string? LawVersion, string? Difficulty, IReadOnlyList<string>? Tags, string? KeyPoints);

/// <param name="Source">A <see cref="LawSources"/> code; its questions written for another version are marked 待复核.</param>
public sealed record LawVersionRequest(string? Source, string? Version);

/// <summary>题库: the office's region bank, listed, edited (a new revision; drawn papers keep their frozen copy) and reviewed.</summary>
public sealed class QuestionBankHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<Paged<QuestionDto>> ListAsync(UserScope actor, string? type, string? source, string? difficulty, string? keyword, bool? needsReview,
        PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = ExamAccess.Bank(db, actor).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(q => q.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(source))
        {
            query = query.Where(q => q.Source == source);
        }
        if (difficulty is Domain.Exams.Difficulty.Easy)
        {
            query = query.Where(q => q.Difficulty <= 2);
        }
        else if (difficulty is Domain.Exams.Difficulty.Medium)
        {
            query = query.Where(q => q.Difficulty == 3);
        }
        else if (difficulty is Domain.Exams.Difficulty.Hard)
        {
            query = query.Where(q => q.Difficulty >= 4);
        }
        if (needsReview is { } r)
        {
            query = query.Where(q => q.NeedsReview == r);
        }
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var k = keyword.Trim();
            query = query.Where(q => q.Stem.Contains(k) || (q.Article != null && q.Article.Contains(k)));
        }
        var paged = await query.OrderBy(q => q.Type).ThenBy(q => q.Source).ThenBy(q => q.Id).ToPageAsync(page);
        return paged.Map(ToDto);
    }

    public async Task<Outcome<QuestionDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var q = await ExamAccess.Bank(db, actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return q is null ? Outcome<QuestionDto>.NotFound() : Outcome<QuestionDto>.Ok(ToDto(q));
    }

    public async Task<Outcome<QuestionDto>> CreateAsync(UserScope actor, QuestionRequest request)
    {
        if (!ExamAccess.IsOffice(actor))
        {
            await using var denied = await factory.CreateDbContextAsync();
            return await Shared.Access.Visibility.ForbiddenAsync<QuestionDto>(denied, actor, "题库");
        }
        var errors = new List<string>();
        var q = QuestionBuilder.Build(Draft(request), actor.RegionId!.Value, clock.UtcNow, false, errors);
        if (q is null)
        {
            return Outcome<QuestionDto>.Invalid([.. errors.Select(e => new FieldError(null, null, e))]);
        }
        await using var db = await factory.CreateDbContextAsync();
        db.Questions.Add(q);
        db.Record(actor, AuditActions.Create, $"试题 {q.Id}");
        await db.SaveChangesAsync();
        return Outcome<QuestionDto>.Ok(ToDto(q));
    }

    public async Task<Outcome<QuestionDto>> UpdateAsync(UserScope actor, Guid id, QuestionRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var q = await ExamAccess.Bank(db, actor).FirstOrDefaultAsync(x => x.Id == id);
        if (q is null)
        {
            return Outcome<QuestionDto>.NotFound();
        }
        var errors = new List<string>();
        var built = QuestionBuilder.Build(Draft(request), q.RegionId, clock.UtcNow, q.IsSample, errors);
        if (built is null)
        {
            return Outcome<QuestionDto>.Invalid([.. errors.Select(e => new FieldError(null, null, e))]);
        }
        // Papers already drawn hold their own frozen copy of the content, so this changes none of them.
        q.Type = built.Type;
        q.Content = built.Content;
        q.Stem = built.Stem;
        q.Source = built.Source;
        q.Article = built.Article;
        q.LawVersion = built.LawVersion;
        q.Difficulty = built.Difficulty;
        q.Tags = q.IsSample ? [ImportQuestionsHandler.SampleTag, .. built.Tags.Where(t => t != ImportQuestionsHandler.SampleTag)] : built.Tags;
        q.NeedsReview = false;
        q.Revision++;
        q.UpdatedAt = clock.UtcNow;
        db.Record(actor, AuditActions.Update, $"试题 {q.Id}", detail: $"第{q.Revision}版");
        await db.SaveChangesAsync();
        return Outcome<QuestionDto>.Ok(ToDto(q));
    }

    /// <summary>A law's new version: its questions written for another version (or none) are marked 待复核 and left out of new papers.</summary>
    public async Task<Outcome<int>> MarkLawVersionAsync(UserScope actor, LawVersionRequest request)
    {
        if (!ExamAccess.IsOffice(actor))
        {
            await using var denied = await factory.CreateDbContextAsync();
            return await Shared.Access.Visibility.ForbiddenAsync<int>(denied, actor, "题库");
        }
        if (!LawSources.IsValid(request.Source) || string.IsNullOrWhiteSpace(request.Version))
        {
            return Outcome<int>.Invalid("source", $"请给出来源（{string.Join("、", LawSources.All.Select(s => s.Code))}）和新版本（version）");
        }
        await using var db = await factory.CreateDbContextAsync();
        var version = request.Version.Trim();
        var marked = await ExamAccess.Bank(db, actor).Where(q => q.Source == request.Source && !q.NeedsReview && q.LawVersion != version)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.NeedsReview, true));
        db.Record(actor, AuditActions.Update, $"题库 {LawSources.Label(request.Source!)}", detail: $"新版本 {version}：{marked}题待复核");
        await db.SaveChangesAsync();
        return Outcome<int>.Ok(marked);
    }

    private static QuestionDraft Draft(QuestionRequest r)
    {
        var d = new QuestionDraft
        {
            Where = "试题", Type = r.Type, Stem = r.Stem ?? "", Answer = r.Answer ?? "", Explanation = r.Explanation, Source = r.Source, Article = r.Article,
            LawVersion = r.LawVersion, Difficulty = r.Difficulty, Tags = r.Tags is null ? null : string.Join(",", r.Tags), KeyPoints = r.KeyPoints,
        };
        d.Options.AddRange(r.Options ?? []);
        return d;
    }

    public static QuestionDto ToDto(Question q) => new(q.Id, q.Type, QuestionTypes.Label(q.Type), q.Content.Stem, q.Content.Options, q.Content.Answer,
        q.Content.Blanks, q.Content.KeyPoints, q.Content.Explanation, q.Source, LawSources.Label(q.Source), q.Article, q.LawVersion, q.Difficulty,
        q.DifficultyBand, q.Tags, q.IsSample, q.NeedsReview, q.Revision);
}
