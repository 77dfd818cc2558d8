using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Users;

public sealed record SecurityPolicyRequest(int? PasswordMinLength, int? PasswordMinClasses, int? LockoutThreshold, int? LockoutMinutes,
    int? SessionIdleMinutes, int? SessionAbsoluteHours, List<string>? TotpRoles);

/// <param name="RequiredTotpRoles">Everyone who needs a 动态口令: the policy's roles, the configured ones and the three administrators.</param>
public sealed record SecurityPolicyDto(int PasswordMinLength, int PasswordMinClasses, int LockoutThreshold, int LockoutMinutes,
    int SessionIdleMinutes, int SessionAbsoluteHours, IReadOnlyList<string> TotpRoles, bool AdministratorsRequireTotp,
    IReadOnlyList<string> RequiredTotpRoles, DateTime UpdatedAt, string? UpdatedBy)
{
    /// <summary>Chinese labels of <see cref="TotpRoles"/>, in the same order.</summary>
    public IReadOnlyList<string> TotpRoleLabels => Roles.Labels(TotpRoles);

    /// <summary>Chinese labels of <see cref="RequiredTotpRoles"/>, in the same order.</summary>
    public IReadOnlyList<string> RequiredTotpRoleLabels => Roles.Labels(RequiredTotpRoles);
}

/// <summary>安全策略: read and set by the 安全管理员 alone; every change is audited with the values before and after.</summary>
public sealed class SecurityPolicyHandler(IDbContextFactory<AppDbContext> factory, SecurityPolicyStore store, IChinaClock clock)
{
    public async Task<Outcome<SecurityPolicyDto>> GetAsync(UserScope actor)
    {
        if (!actor.CanGrantRoles)
        {
            return Outcome<SecurityPolicyDto>.Forbidden();
        }
        return Outcome<SecurityPolicyDto>.Ok(await ToDtoAsync(await store.CurrentAsync()));
    }

    public async Task<Outcome<SecurityPolicyDto>> SetAsync(UserScope actor, SecurityPolicyRequest request)
    {
        if (!actor.CanGrantRoles)
        {
            return Outcome<SecurityPolicyDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var policy = await db.SecurityPolicies.FirstOrDefaultAsync();
        var isNew = policy is null;
        policy ??= new SecurityPolicy();
        var before = Describe(policy);
        policy.PasswordMinLength = request.PasswordMinLength ?? policy.PasswordMinLength;
        policy.PasswordMinClasses = request.PasswordMinClasses ?? policy.PasswordMinClasses;
        policy.LockoutThreshold = request.LockoutThreshold ?? policy.LockoutThreshold;
        policy.LockoutMinutes = request.LockoutMinutes ?? policy.LockoutMinutes;
        policy.SessionIdleMinutes = request.SessionIdleMinutes ?? policy.SessionIdleMinutes;
        policy.SessionAbsoluteHours = request.SessionAbsoluteHours ?? policy.SessionAbsoluteHours;
        policy.TotpRoles = request.TotpRoles is { } roles
            ? [.. roles.Select(r => r.Trim()).Where(r => r.Length > 0).Select(r => Roles.Parse(r) ?? r).Distinct()]
            : policy.TotpRoles;
        var problems = policy.Problems();
        if (problems.Count > 0)
        {
            return Outcome<SecurityPolicyDto>.Invalid([.. problems.Select(p => new FieldError(null, p.Field, p.Message))]);
        }
        policy.UpdatedAt = clock.UtcNow;
        policy.UpdatedBy = actor.UserName;
        if (isNew)
        {
            db.SecurityPolicies.Add(policy);
        }
        db.Record(actor, AuditActions.SecurityPolicyChanged, "安全策略", detail: $"原：{before}；新：{Describe(policy)}");
        await db.SaveChangesAsync();
        return Outcome<SecurityPolicyDto>.Ok(await ToDtoAsync(policy));
    }

    private async Task<SecurityPolicyDto> ToDtoAsync(SecurityPolicy p) =>
        new(p.PasswordMinLength, p.PasswordMinClasses, p.LockoutThreshold, p.LockoutMinutes, p.SessionIdleMinutes, p.SessionAbsoluteHours,
            p.TotpRoles, store.AdministratorsRequireTotp, [.. Roles.All.Where((await store.TotpRolesAsync()).Contains)], p.UpdatedAt, p.UpdatedBy);

    private static string Describe(SecurityPolicy p) =>
        $"密码≥{p.PasswordMinLength}位{p.PasswordMinClasses}类，{p.LockoutThreshold}次失败锁定{p.LockoutMinutes}分钟，"
        + $"空闲{p.SessionIdleMinutes}分钟/最长{p.SessionAbsoluteHours}小时，动态口令角色：{(p.TotpRoles.Count == 0 ? "无" : Roles.Describe(p.TotpRoles))}";
}

public static class SecurityPolicyApi
{
    public static void MapSecurityPolicyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/security-policy").RequireAuthorization().WithTags("用户");
        api.MapGet("/", async (HttpContext ctx, SecurityPolicyHandler h) => (await h.GetAsync(ctx.Scope())).ToHttp(Results.Ok))
            .WithSummary("安全策略（安全管理员）：密码规则、登录锁定、会话时长、须用动态口令的角色").Produces<SecurityPolicyDto>();
        api.MapPut("/", async (SecurityPolicyRequest body, HttpContext ctx, SecurityPolicyHandler h) => (await h.SetAsync(ctx.Scope(), body)).ToHttp(Results.Ok))
            .WithSummary("修改安全策略（安全管理员）；省略的字段不变").Produces<SecurityPolicyDto>().ProducesValidationProblem();
    }
}
