using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Health;

public static class HealthApi
{
    /// <summary>200 once the database answers and has every migration applied; 503 otherwise.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (AppDbContext db, CancellationToken ct) =>
            {
                try
                {
                    if (!await db.Database.CanConnectAsync(ct))
                    {
                        return Results.Problem(title: "数据库不可用", statusCode: StatusCodes.Status503ServiceUnavailable);
                    }
                    var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                    return pending.Count == 0
                        ? Results.Ok(new { status = "ok", provider = db.IsPostgres ? "Postgres" : "Sqlite" })
                        : Results.Problem(title: "数据库尚未迁移", detail: string.Join(", ", pending), statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
                {
                    return Results.Problem(title: "数据库不可用", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .AllowAnonymous().WithTags("运维").WithSummary("健康检查");
}
