using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Import;

/// <summary>
/// The end of every import: refuse with ALL the file's errors (and an audit record of the refusal), or write every
/// row in one transaction with the audit record of the import. Nothing is written unless every row is good.
/// </summary>
public static class Imports
{
    /// <summary>
    /// If <paramref name="file"/> holds errors: records 导入 失败 (target, how many errors) and answers 400 with all of
    /// them. Otherwise runs <paramref name="apply"/> (which adds or changes entities and returns the value and the
    /// audit detail), records 导入 and saves, all in one transaction.
    /// </summary>
    public static async Task<Outcome<T>> CommitAsync<T>(AppDbContext db, UserScope actor, ImportFile file, string target,
        Func<Task<(T Value, string Detail)>> apply, string? failureDetail = null)
    {
        if (file.HasErrors)
        {
            return await RefuseAsync<T>(db, actor, file, target, failureDetail);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var (value, detail) = await apply();
        db.Record(actor, AuditActions.Import, target, detail: detail);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<T>.Ok(value);
    }

    /// <summary>Records the refused import (nothing else is saved) and answers 400 with every error.</summary>
    public static async Task<Outcome<T>> RefuseAsync<T>(AppDbContext db, UserScope actor, ImportFile file, string target, string? detail = null)
    {
        db.ChangeTracker.Clear();
        var errors = file.SortedErrors();
        db.Record(actor, AuditActions.Import, target, AuditResult.Failure, (detail is null ? "" : detail + "；") + $"{errors.Count}处错误，未导入");
        await db.SaveChangesAsync();
        return Outcome<T>.Invalid(errors);
    }

    /// <summary>A template download (.xlsx written to a temporary file, then streamed).</summary>
    public static Task<IResult> TemplateAsync(TempFiles files, string fileName, params ImportSheet[] sheets) =>
        files.DownloadAsync(s => ImportTemplate.WriteAsync(s, sheets), ExcelSheets.XlsxContentType, fileName);
}
