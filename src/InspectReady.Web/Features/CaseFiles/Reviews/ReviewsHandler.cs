using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Reviews;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles.Reviews;

public sealed record ReviewItemRequest(int Number, decimal? Points, string? Comment);

/// <param name="Submit">true submits the review: it is then final.</param>
public sealed record ReviewRequest(IReadOnlyList<ReviewItemRequest>? Items, string? Remarks, bool Submit);

public sealed record ReviewItemDto(int Number, string Category, string Content, decimal MaxPoints, decimal? Points, string? Comment);

public sealed record ReviewDto(Guid? Id, Guid CaseFileId, string CaseNumber, string Kind, string ReviewerName, string TemplateName,
    IReadOnlyList<ReviewItemDto> Items, string? Remarks, decimal Total, string? Grade, bool Submitted, DateTime? SubmittedAt)
{
    public string KindLabel => CaseKind.Label(Kind);

    public string? GradeLabel => Grade is null ? null : ReviewGrades.Label(Grade);
}

/// <summary>评查打分: a 评查员 scores a file of a current draw against the kind's template; every deduction needs a reason.</summary>
public sealed class ReviewsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    /// <summary>The actor's own review of the file, or a blank one from the template when not begun.</summary>
    public async Task<Outcome<ReviewDto>> MineAsync(UserScope actor, Guid caseFileId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var (file, draw, error) = await SampledFileAsync(db, actor, caseFileId);
        if (error is not null)
        {
            return new Outcome<ReviewDto>(error.Kind, null, error.Errors);
        }
        var review = await db.CaseReviews.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.CaseFileId == caseFileId && r.ReviewerId == actor.UserId);
        var saved = review is not null;
        if (review is null)
        {
            var blank = await BlankAsync(db, actor, file!, draw!);
            if (blank is null)
            {
                return Outcome<ReviewDto>.Conflict($"尚无“{CaseKind.Label(file!.Kind)}”类案卷的评查标准，请创建办先制定");
            }
            review = blank;
        }
        return Outcome<ReviewDto>.Ok(ToDto(review, file!, saved));
    }

    /// <summary>Every review of the file, for those who may see the file (评查员 see only their own).</summary>
    public async Task<Outcome<IReadOnlyList<ReviewDto>>> ForFileAsync(UserScope actor, Guid caseFileId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var file = await CaseFileAccess.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseFileId);
        if (file is null)
        {
            return Outcome<IReadOnlyList<ReviewDto>>.NotFound();
        }
        var reviews = await db.CaseReviews.AsNoTracking().Include(r => r.Items).Where(r => r.CaseFileId == caseFileId).ToListAsync();
        if (!await CaseFileAccess.SeesUnitAsync(db, actor, file.UnitId))
        {
            reviews = [.. reviews.Where(r => r.ReviewerId == actor.UserId)];
        }
        return Outcome<IReadOnlyList<ReviewDto>>.Ok([.. reviews.OrderBy(r => r.SubmittedAt).Select(r => ToDto(r, file, true))]);
    }

    public async Task<Outcome<ReviewDto>> SaveAsync(UserScope actor, Guid caseFileId, ReviewRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var (file, draw, error) = await SampledFileAsync(db, actor, caseFileId);
        if (error is not null)
        {
            return new Outcome<ReviewDto>(error.Kind, null, error.Errors);
        }
        var review = await db.CaseReviews.Include(r => r.Items).FirstOrDefaultAsync(r => r.CaseFileId == caseFileId && r.ReviewerId == actor.UserId);
        if (review is null)
        {
            review = await BlankAsync(db, actor, file!, draw!);
            if (review is null)
            {
                return Outcome<ReviewDto>.Conflict($"尚无“{CaseKind.Label(file!.Kind)}”类案卷的评查标准，请创建办先制定");
            }
            db.CaseReviews.Add(review);
        }
        else if (review.Submitted)
        {
            return Outcome<ReviewDto>.Conflict("该评查已提交，不能再修改");
        }

        var errors = new List<FieldError>();
        foreach (var given in request.Items ?? [])
        {
            var item = review.Items.FirstOrDefault(i => i.Number == given.Number);
            if (item is null)
            {
                errors.Add(new(given.Number, "number", $"评查标准中没有第{given.Number}项"));
                continue;
            }
            if (given.Points is { } p && (p < 0 || p > item.MaxPoints || decimal.Round(p, 1) != p))
            {
                errors.Add(new(given.Number, "points", $"第{given.Number}项“{item.Content}”得分“{p}”无效，应在0至{item.MaxPoints}之间，最多一位小数"));
                continue;
            }
            item.Points = given.Points;
            item.Comment = string.IsNullOrWhiteSpace(given.Comment) ? null : given.Comment.Trim();
        }
        if (request.Submit)
        {
            foreach (var item in review.Items)
            {
                if (item.Points is null)
                {
                    errors.Add(new(item.Number, "points", $"第{item.Number}项“{item.Content}”尚未打分"));
                }
                else if (item.Points < item.MaxPoints && item.Comment is null)
                {
                    errors.Add(new(item.Number, "comment", $"第{item.Number}项“{item.Content}”扣{item.MaxPoints - item.Points}分，须写明扣分理由"));
                }
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<ReviewDto>.Invalid(errors);
        }
        review.Remarks = string.IsNullOrWhiteSpace(request.Remarks) ? null : request.Remarks.Trim();
        review.UpdatedAt = clock.UtcNow;
        // Row version: a save or submission that read an older review (another tab, a second click) answers 409.
        review.Touch();
        if (request.Submit)
        {
            review.Submitted = true;
            review.SubmittedAt = clock.UtcNow;
            db.Record(actor, "提交评查", $"案卷 {file!.CaseNumber}", detail: $"得分{review.Total}（{ReviewGrades.Label(ReviewGrades.Of(review.Total))}）");
        }
        else
        {
            db.Record(actor, "保存评查", $"案卷 {file!.CaseNumber}", detail: $"暂存，已评{review.Items.Count(i => i.Points is not null)}/{review.Items.Count}项");
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Outcome<ReviewDto>.Conflict($"案卷 {file!.CaseNumber} 的评查：{Concurrency.Message}");
        }
        return Outcome<ReviewDto>.Ok(ToDto(review, file, true));
    }

    /// <summary>The file, if the actor is a 评查员 and it is in a current draw; otherwise why not.</summary>
    private static async Task<(CaseFile? File, Domain.CaseFiles.Sampling.SamplingDraw? Draw, Outcome<ReviewDto>? Error)> SampledFileAsync(AppDbContext db, UserScope actor, Guid caseFileId)
    {
        var file = await CaseFileAccess.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseFileId);
        if (file is null)
        {
            return (null, null, Outcome<ReviewDto>.NotFound());
        }
        if (!CaseFileAccess.IsReviewer(actor) || actor.UserId is null)
        {
            return (null, null, Outcome<ReviewDto>.Forbidden());
        }
        var draw = await db.SamplingDraws.AsNoTracking().FirstOrDefaultAsync(d => d.SupersededBy == null && d.Items.Any(i => i.CaseFileId == caseFileId));
        return draw is null
            ? (null, null, Outcome<ReviewDto>.Conflict("该案卷不在当前抽查结果中，不需评查"))
            : (file, draw, null);
    }

    private static async Task<CaseReview?> BlankAsync(AppDbContext db, UserScope actor, CaseFile file, Domain.CaseFiles.Sampling.SamplingDraw draw)
    {
        var kinds = await db.ReviewTemplates.Select(t => t.Kind).ToListAsync();
        if (!kinds.Contains(file.Kind) && DefaultReviewTemplates.All().FirstOrDefault(t => t.Kind == file.Kind) is { } builtIn)
        {
            db.ReviewTemplates.Add(builtIn);
            await db.SaveChangesAsync();
        }
        var template = await db.ReviewTemplates.AsNoTracking().Include(t => t.Items).FirstOrDefaultAsync(t => t.Kind == file.Kind);
        return template is null ? null : new CaseReview
        {
            CaseFileId = file.Id,
            UnitId = file.UnitId,
            DrawId = draw.Id,
            ReviewerId = actor.UserId!.Value,
            ReviewerName = actor.UserName,
            TemplateName = template.Name,
            Items = [.. template.Items.OrderBy(i => i.Number).Select(i => new CaseReviewItem { Number = i.Number, Category = i.Category, Content = i.Content, MaxPoints = i.MaxPoints })],
        };
    }

    public static ReviewDto ToDto(CaseReview r, CaseFile file, bool saved) => new(saved ? r.Id : null, file.Id, file.CaseNumber, file.Kind, r.ReviewerName, r.TemplateName,
        [.. r.Items.OrderBy(i => i.Number).Select(i => new ReviewItemDto(i.Number, i.Category, i.Content, i.MaxPoints, i.Points, i.Comment))],
        r.Remarks, r.Total, r.Submitted ? ReviewGrades.Of(r.Total) : null, r.Submitted, r.SubmittedAt);
}
