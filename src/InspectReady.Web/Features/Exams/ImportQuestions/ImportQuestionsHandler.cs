using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.ImportQuestions;

/// <summary>What an import would bring in (the preview) or brought in, or every reason it cannot.</summary>
public sealed record QuestionImportResult(int Imported, IReadOnlyList<ImportError> Errors, IReadOnlyList<QuestionPreviewDto> Preview)
{
    public bool Ok => Errors.Count == 0;
}

public sealed record QuestionPreviewDto(string Type, string TypeLabel, string Stem, string Source, string SourceLabel, string? Article, int Difficulty);

/// <summary>
/// 题库导入: an .xlsx sheet or a .docx in the common layout into the office's region bank, all or nothing; with
/// <c>preview</c> nothing is stored and the questions that would be imported are listed.
/// </summary>
public sealed class ImportQuestionsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const string SampleTag = "示例";

    public async Task<QuestionImportResult?> ImportAsync(UserScope actor, Stream file, string fileName, bool preview, string? defaultSource = null)
    {
        if (!ExamAccess.IsOffice(actor))
        {
            return null;
        }
        var errors = new List<ImportError>();
        var drafts = new List<(int? Row, int? Item, QuestionDraft Draft)>();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            if (extension == ".xlsx" && ExcelSheets.LooksLikeXlsx(file))
            {
                drafts.AddRange(QuestionFiles.ReadExcel(file, errors).Select(x => ((int?)x.Row, (int?)null, x.Draft)));
            }
            else if (extension == ".docx" && ExcelSheets.LooksLikeXlsx(file))
            {
                drafts.AddRange(QuestionFiles.ReadText(QuestionFiles.DocxParagraphs(file), errors, defaultSource).Select(x => ((int?)null, (int?)x.Item, x.Draft)));
            }
            else
            {
                errors.Add(new ImportError(null, null, "file", $"文件“{fileName}”不是 .xlsx 或 .docx 文件"));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidOperationException)
        {
            errors.Add(new ImportError(null, null, "file", $"文件“{fileName}”无法读取：已损坏或不是有效的 Office 文件"));
        }
        await using var db = await factory.CreateDbContextAsync();
        var result = Build(drafts, actor.RegionId!.Value, clock.UtcNow, sample: false, errors);
        if (errors.Count > 0 || preview)
        {
            if (errors.Count > 0)
            {
                db.Record(actor, AuditActions.Import, $"题库导入 {fileName}", AuditResult.Failure, $"{errors.Count}处错误");
                await db.SaveChangesAsync();
            }
            return new QuestionImportResult(0, errors, errors.Count > 0 ? [] : [.. result.Select(Preview)]);
        }
        db.Questions.AddRange(result);
        db.Record(actor, AuditActions.Import, $"题库导入 {fileName}", detail: $"导入{result.Count}题");
        await db.SaveChangesAsync();
        return new QuestionImportResult(result.Count, [], [.. result.Select(Preview)]);
    }

    /// <summary>The shipped sample bank (示例) into the office's region bank; loading it twice adds nothing.</summary>
    public async Task<int?> LoadSamplesAsync(UserScope actor)
    {
        if (!ExamAccess.IsOffice(actor))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync();
        var region = actor.RegionId!.Value;
        if (await db.Questions.AnyAsync(q => q.RegionId == region && q.IsSample))
        {
            return 0;
        }
        var questions = SampleQuestions(region, clock.UtcNow);
        db.Questions.AddRange(questions);
        db.Record(actor, AuditActions.Import, "示例题库", detail: $"导入{questions.Count}题");
        await db.SaveChangesAsync();
        return questions.Count;
    }

    public static List<Question> SampleQuestions(Guid regionId, DateTime now)
    {
        using var stream = typeof(ImportQuestionsHandler).Assembly.GetManifestResourceStream("exams/sample-bank.txt")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        var errors = new List<ImportError>();
        var drafts = QuestionFiles.ReadText(lines, errors).Select(x => ((int?)null, (int?)x.Item, x.Draft)).ToList();
        var questions = Build(drafts, regionId, now, sample: true, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("示例题库有误：" + string.Join("；", errors.Select(e => e.Message)));
        }
        return questions;
    }

    private static List<Question> Build(List<(int? Row, int? Item, QuestionDraft Draft)> drafts, Guid region, DateTime now, bool sample, List<ImportError> errors)
    {
        var list = new List<Question>();
        var seen = new Dictionary<string, string>();
        foreach (var (row, item, draft) in drafts)
        {
            var problems = new List<string>();
            var q = QuestionBuilder.Build(draft, region, now, sample, problems);
            if (q is not null && !seen.TryAdd(q.Type + "|" + BlankText.Normalise(q.Content.Stem), draft.Where))
            {
                problems.Add($"与{seen[q.Type + "|" + BlankText.Normalise(q.Content.Stem)]}的题目重复");
            }
            if (sample && q is not null)
            {
                q.Tags.Insert(0, SampleTag);
            }
            errors.AddRange(problems.Select(p => new ImportError(row, item, null, $"{draft.Where}：{p}")));
            if (q is not null && problems.Count == 0)
            {
                list.Add(q);
            }
        }
        return list;
    }

    private static QuestionPreviewDto Preview(Question q) =>
        new(q.Type, QuestionTypes.Label(q.Type), q.Content.Stem, q.Source, LawSources.Label(q.Source), q.Article, q.Difficulty);
}
