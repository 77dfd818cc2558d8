using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Users;

public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").RequireAuthorization().WithTags("用户");
        api.MapGet("/", async (HttpContext ctx, UsersHandler h, Guid? unitId, string? keyword, int? page, int? pageSize) =>
                (await h.ListAsync(ctx.Scope(), PageRequest.Of(page, pageSize), unitId, keyword)).ToHttp(Results.Ok))
            .WithSummary("账号列表（系统管理员、安全管理员）：按用户名排序分页（page 从1起，pageSize 默认50、最多500）").Produces<Paged<UserDto>>();
        api.MapGet("/{id:guid}", async (Guid id, HttpContext ctx, UsersHandler h) =>
            (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "用户"));
        api.MapPost("/", async (UserRequest body, HttpContext ctx, UsersHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(u => Results.Created($"/api/v1/users/{u.Id}", u), "用户"))
            .WithSummary("创建账号（系统管理员）：不带角色，请求含 roles 字段 → 403；初始密码首次登录须修改")
            .Produces<UserDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPut("/{id:guid}", async (Guid id, UserUpdateRequest body, HttpContext ctx, UsersHandler h) =>
            (await h.UpdateAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "用户")).WithSummary("修改账号的单位、所属区划 regionId（无单位的账号）、姓名、关联人员（系统管理员）；含 roles → 403");
        api.MapPut("/{id:guid}/roles", async (Guid id, RolesRequest body, HttpContext ctx, UsersHandler h) =>
                (await h.SetRolesAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "用户"))
            .WithSummary("设置账号的角色（安全管理员）：roles 为代码 system_admin、security_admin、audit_admin、office、unit_leader、unit_liaison、reviewer、examinee、inspector（也接受中文名称）；返回 roles 代码及 roleLabels；不能修改自己的角色；变更后该账号的会话和令牌失效")
            .Produces<UserDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/{id:guid}/region", async (Guid id, AccountRegionRequest body, HttpContext ctx, UsersHandler h) =>
                (await h.SetRegionAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "用户"))
            .WithSummary("设置无所属单位账号（创建办、督查）的所属区划 {regionId}；有单位的账号取该单位的区划");
        api.MapPost("/{id:guid}/disable", async (Guid id, HttpContext ctx, UsersHandler h) =>
            (await h.SetDisabledAsync(ctx.Scope(), id, true)).ToHttp(Results.Ok, "用户")).WithSummary("停用");
        api.MapPost("/{id:guid}/enable", async (Guid id, HttpContext ctx, UsersHandler h) =>
            (await h.SetDisabledAsync(ctx.Scope(), id, false)).ToHttp(Results.Ok, "用户")).WithSummary("启用");
        api.MapPost("/{id:guid}/reset-password", async (Guid id, HttpContext ctx, UsersHandler h) =>
            (await h.ResetPasswordAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "用户")).WithSummary("重置为临时密码，下次登录须修改");
        api.MapPost("/{id:guid}/reset-totp", async (Guid id, HttpContext ctx, UsersHandler h) =>
            (await h.ResetSecondFactorAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "用户")).WithSummary("重置动态口令（安全管理员）：手机丢失时作废密钥和恢复码，下次登录重新绑定");
        api.MapPost("/{id:guid}/unlock", async (Guid id, HttpContext ctx, UsersHandler h) =>
            (await h.UnlockAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "用户")).WithSummary("解除登录锁定");
    }
}
