using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Documents;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.Web.Features.Shared.Export;

/// <summary>
/// The classification mark as stamped on one export: the mark, who exported it and when (Beijing time), taken once so
/// the file and its audit record say the same.
/// </summary>
public sealed record ExportStamp(string Mark, string UserName, string At)
{
    /// <summary>The sheet every exported workbook carries.</summary>
    public const string SheetName = "说明";

    /// <summary>The one line a document carries in its header (and a package in its 说明.txt).</summary>
    public string Line => $"{Mark}  导出人：{UserName}  导出时间：{At}";

    public List<Dictionary<string, object?>> Sheet() =>
    [
        new() { ["项目"] = "密级", ["内容"] = Mark },
        new() { ["项目"] = "导出人", ["内容"] = UserName },
        new() { ["项目"] = "导出时间", ["内容"] = At },
    ];
}

/// <summary>What an export produced: the download's name and what its audit record names.</summary>
public sealed record ExportedFile(string FileName, string Target, string? Detail = null);

/// <summary>
/// A workbook to export: its sheets in order (each a list of rows or a streamed sequence of rows). The service adds the
/// <see cref="ExportStamp.SheetName"/> sheet; writers never write the mark themselves.
/// </summary>
public sealed record ExportWorkbook(ExportedFile File, IReadOnlyList<KeyValuePair<string, object>> Sheets)
{
    public static ExportWorkbook Of(ExportedFile file, params (string Name, object Rows)[] sheets) =>
        new(file, [.. sheets.Select(s => new KeyValuePair<string, object>(s.Name, s.Rows))]);
}

/// <summary>
/// The one way a file leaves the product as an export: it always carries the classification mark with the user and
/// the time, and it always writes the audit record (导出) once the file is written. Writers build content; the
/// service stamps, audits and streams (from a temporary file, so a refusal is an HTTP answer, not a broken download).
/// </summary>
public sealed class Exports(IDbContextFactory<AppDbContext> factory, ExportMark mark, TempFiles files, PdfConverter pdf)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public ExportStamp Stamp(UserScope actor) => mark.Stamp(actor);

    /// <summary>A workbook: the writer's sheets plus the mark sheet, then the audit record.</summary>
    public async Task<IResult> WorkbookAsync(UserScope actor, Func<ExportStamp, Task<Outcome<ExportWorkbook>>> build, string what = "资源")
    {
        var stamp = Stamp(actor);
        var outcome = await build(stamp);
        if (!outcome.IsOk)
        {
            return outcome.ToHttp(_ => Results.Ok(), what);
        }
        var book = outcome.Value!;
        var (path, _) = await files.WriteAsync(async s =>
        {
            await WriteWorkbookAsync(s, book, stamp);
            return true;
        }, ".xlsx");
        await AuditAsync(actor, book.File);
        return files.Stream(path, ExcelSheets.XlsxContentType, book.File.FileName);
    }

    /// <summary>Writes the workbook with the mark sheet last (for writers that put a workbook inside something else).</summary>
    public static Task WriteWorkbookAsync(Stream output, ExportWorkbook book, ExportStamp stamp, CancellationToken ct = default)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, rows) in book.Sheets)
        {
            sheets[name] = rows;
        }
        sheets[ExportStamp.SheetName] = stamp.Sheet();
        return MiniExcel.SaveAsAsync(output, sheets, cancellationToken: ct);
    }

    /// <summary>
    /// Any other file (a Word document, a JSON file): the writer is handed the stamp and must print its
    /// <see cref="ExportStamp.Line"/> (in the header, or as a field); the audit record follows.
    /// </summary>
    public async Task<IResult> FileAsync(UserScope actor, Func<ExportStamp, Stream, Task<Outcome<ExportedFile>>> write, string contentType,
        string what = "资源", string extension = "")
    {
        var stamp = Stamp(actor);
        var (path, outcome) = await files.WriteAsync(s => write(stamp, s), extension);
        if (!outcome.IsOk)
        {
            File.Delete(path);
            return outcome.ToHttp(_ => Results.Ok(), what);
        }
        await AuditAsync(actor, outcome.Value!);
        return files.Stream(path, contentType, outcome.Value!.FileName);
    }

    /// <summary>A Word document, or (<paramref name="asPdf"/>) the same document converted to PDF by LibreOffice.</summary>
    public async Task<IResult> DocumentAsync(UserScope actor, Func<ExportStamp, Stream, Task<Outcome<ExportedFile>>> write, bool asPdf,
        string what, CancellationToken ct)
    {
        if (asPdf && !PdfConverter.Available)
        {
            return Problems.Status(StatusCodes.Status501NotImplemented, "无法生成 PDF", PdfConverter.NotInstalled);
        }
        var stamp = Stamp(actor);
        var (path, outcome) = await files.WriteAsync(s => write(stamp, s), ".docx");
        if (!outcome.IsOk)
        {
            File.Delete(path);
            return outcome.ToHttp(_ => Results.Ok(), what);
        }
        var file = outcome.Value!;
        if (!asPdf)
        {
            await AuditAsync(actor, file);
            return files.Stream(path, DocxContentType, file.FileName);
        }
        var pdfPath = await pdf.ConvertAsync(path, ct);
        File.Delete(path);
        file = file with { FileName = Path.ChangeExtension(file.FileName, ".pdf"), Detail = file.Detail is null ? "PDF" : $"{file.Detail}；PDF" };
        await AuditAsync(actor, file);
        return files.Stream(pdfPath!, "application/pdf", file.FileName);
    }

    private async Task AuditAsync(UserScope actor, ExportedFile file)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Record(actor, AuditActions.Export, file.Target, detail: file.Detail);
        await db.SaveChangesAsync();
    }
}

/// <summary>The classification mark (<c>Exports:Mark</c>) and the clock it is stamped with.</summary>
public sealed class ExportMark(Microsoft.Extensions.Configuration.IConfiguration configuration, IChinaClock clock)
{
    public string Mark => configuration["Exports:Mark"] is { Length: > 0 } m ? m : "内部资料 严禁外传";

    public ExportStamp Stamp(UserScope actor) => new(Mark, actor.UserName, ChinaTime.Minutes(clock.Now));

    public string For(UserScope actor) => Stamp(actor).Line;

    /// <summary>The sheet every exported workbook carries.</summary>
    public List<Dictionary<string, object?>> Sheet(UserScope actor) => Stamp(actor).Sheet();
}
