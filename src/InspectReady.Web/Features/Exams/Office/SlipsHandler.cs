using InspectReady.Web.Data;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Exams.ManageExams;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Domain.Access;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace InspectReady.Web.Features.Exams.Office;

/// <summary>One 准考通知单: who, where, when, the access code and the QR code (SVG) of the examinee page's address with it.</summary>
public sealed record SlipDto(Guid ExamineeId, string PersonName, string? UnitName, string? CategoryLabel, string AccessCode, string Url, string QrSvg, DateTime StartAfter);

public sealed record SlipsDto(string ExamName, int DurationMinutes, DateTime OpensAt, DateTime ClosesAt, IReadOnlyList<SlipDto> Slips);

/// <summary>
/// 准考通知单 (ADR 0118): the office's printable slips, one per examinee, with the personal access code and a QR code
/// pointing to <c>{Exams:PublicBaseUrl or the request's base}/exam?code=…</c>. Showing the codes is audited.
/// </summary>
public sealed class SlipsHandler(IDbContextFactory<AppDbContext> factory, ExamsHandler exams, IConfiguration configuration)
{
    public const string ExamineePath = "/exam";

    /// <summary>The base address the QR codes point to: <c>Exams:PublicBaseUrl</c> when set, else the one the page was opened with.</summary>
    public string BaseUrl(string requestBase) =>
        (configuration["Exams:PublicBaseUrl"] is { Length: > 0 } configured ? configured : requestBase).TrimEnd('/');

    public static string ExamineeUrl(string baseUrl, string code) => $"{baseUrl}{ExamineePath}?code={Uri.EscapeDataString(code)}";

    public async Task<Outcome<SlipsDto>> SlipsAsync(UserScope actor, Guid examId, Guid? unitId, string requestBase)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await ExamsHandler.ManagedAsync(db, actor, examId);
        if (!loaded.IsOk)
        {
            return loaded.As<SlipsDto>();
        }
        var exam = loaded.Value!;
        var rows = new List<ExamineeRowDto>();
        for (var page = 1; rows.Count < ExamsHandler.MaxExaminees; page++)
        {
            var outcome = await exams.ExamineesAsync(actor, examId, unitId, null, PageRequest.Of(page, PageRequest.MaxSize));
            if (!outcome.IsOk)
            {
                return outcome.As<SlipsDto>();
            }
            rows.AddRange(outcome.Value!.Items);
            if (outcome.Value.Items.Count < PageRequest.MaxSize)
            {
                break;
            }
        }
        var baseUrl = BaseUrl(requestBase);
        using var generator = new QRCodeGenerator();
        var slips = rows.Where(r => r.AccessCode is not null).Select(r =>
        {
            var url = ExamineeUrl(baseUrl, r.AccessCode!);
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            return new SlipDto(r.Id, r.PersonName, r.UnitName, r.CategoryLabel, r.AccessCode!, url, new SvgQRCode(data).GetGraphic(4), r.StartAfter);
        }).ToList();
        db.Record(actor, AuditActions.Reveal, $"考试 {exam.Name} 准考通知单", detail: $"{slips.Count}名考生的准考码");
        await db.SaveChangesAsync();
        return Outcome<SlipsDto>.Ok(new SlipsDto(exam.Name, exam.DurationMinutes, exam.OpensAt, exam.ClosesAt, slips));
    }
}
