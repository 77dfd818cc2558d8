using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Reviews;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles.Templates;

public sealed record ReviewTemplateItemRequest(string? Category, string? Content, decimal? MaxPoints);

public sealed record ReviewTemplateRequest(string? Name, IReadOnlyList<ReviewTemplateItemRequest>? Items);

public sealed record ReviewTemplateItemDto(int Number, string Category, string Content, decimal MaxPoints);

public sealed record ReviewTemplateDto(Guid Id, string Kind, string Name, bool IsBuiltIn, IReadOnlyList<ReviewTemplateItemDto> Items, DateTime UpdatedAt, string UpdatedBy)
{
    public string KindLabel => CaseKind.Label(Kind);
}

/// <summary>评查标准: one template per kind. The defaults for 行政处罚 and 行政许可 are written on first use; 创建办 maintains them.</summary>
public sealed class ReviewTemplatesHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public async Task<IReadOnlyList<ReviewTemplateDto>> ListAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        await EnsureDefaultsAsync(db);
        var templates = await db.ReviewTemplates.AsNoTracking().Include(t => t.Items).ToListAsync();
        return [.. templates.OrderBy(t => CaseKind.All.ToList().IndexOf(t.Kind)).Select(ToDto)];
    }

    public async Task<ReviewTemplateDto?> FindAsync(string kind)
    {
        await using var db = await factory.CreateDbContextAsync();
        await EnsureDefaultsAsync(db);
        var code = CaseKind.Parse(kind) ?? kind;
        var template = await db.ReviewTemplates.AsNoTracking().Include(t => t.Items).FirstOrDefaultAsync(t => t.Kind == code);
        return template is null ? null : ToDto(template);
    }

    /// <summary>Creates or replaces the template of a kind. Reviews already begun keep the items they copied.</summary>
    public async Task<Outcome<ReviewTemplateDto>> SaveAsync(UserScope actor, string kind, ReviewTemplateRequest request)
    {
        if (!CaseFileAccess.IsOffice(actor))
        {
            return Outcome<ReviewTemplateDto>.Forbidden();
        }
        kind = CaseKind.Parse(kind) ?? kind;
        if (!CaseKind.IsValid(kind))
        {
            return Outcome<ReviewTemplateDto>.NotFound();
        }
        var items = request.Items ?? [];
        var problems = ReviewTemplateRules.Validate(request.Name, [.. items.Select(i => (i.Category, i.Content, i.MaxPoints))]);
        if (problems.Count > 0)
        {
            return Outcome<ReviewTemplateDto>.Invalid([.. problems.Select(p => new FieldError(p.Item, p.Field, p.Message))]);
        }
        await using var db = await factory.CreateDbContextAsync();
        await EnsureDefaultsAsync(db);
        var template = await db.ReviewTemplates.Include(t => t.Items).FirstOrDefaultAsync(t => t.Kind == kind);
        if (template is null)
        {
            template = new ReviewTemplate { Kind = kind, Name = "", UpdatedBy = actor.UserName };
            db.ReviewTemplates.Add(template);
        }
        template.Name = request.Name!.Trim();
        template.Items.Clear();
        template.Items.AddRange(items.Select((i, n) => new ReviewTemplateItem
        {
            Number = n + 1, Category = i.Category!.Trim(), Content = i.Content!.Trim(), MaxPoints = i.MaxPoints!.Value,
        }));
        template.IsBuiltIn = false;
        template.UpdatedAt = clock.UtcNow;
        template.UpdatedBy = actor.UserName;
        db.Record(actor, AuditActions.Update, $"评查标准 {CaseKind.Label(kind)}", detail: $"{template.Name}，{items.Count}项");
        await db.SaveChangesAsync();
        return Outcome<ReviewTemplateDto>.Ok(ToDto(template));
    }

    private static async Task EnsureDefaultsAsync(AppDbContext db)
    {
        var present = await db.ReviewTemplates.Select(t => t.Kind).ToListAsync();
        var missing = DefaultReviewTemplates.All().Where(t => !present.Contains(t.Kind)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.ReviewTemplates.AddRange(missing);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another request or node wrote them first (unique kind); theirs are the same defaults.
            db.ChangeTracker.Clear();
        }
    }

    public static ReviewTemplateDto ToDto(ReviewTemplate t) => new(t.Id, t.Kind, t.Name, t.IsBuiltIn,
        [.. t.Items.OrderBy(i => i.Number).Select(i => new ReviewTemplateItemDto(i.Number, i.Category, i.Content, i.MaxPoints))], t.UpdatedAt, t.UpdatedBy);
}
