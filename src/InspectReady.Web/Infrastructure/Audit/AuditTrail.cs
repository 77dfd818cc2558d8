using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;

namespace InspectReady.Web.Infrastructure.Audit;

/// <summary>Adds audit entries to a context, so they commit together with the change they describe.</summary>
public static class AuditTrail
{
    public static AuditEntry Record(this AppDbContext db, UserScope actor, string action, string? target,
        string result = AuditResult.Success, string? detail = null)
    {
        var now = DateTime.UtcNow;
        var entry = new AuditEntry
        {
            // Microseconds: PostgreSQL keeps no more, and the hash must survive the round trip.
            At = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc),
            UserId = actor.UserId,
            UserName = actor.UserName,
            UnitId = actor.UnitId,
            ClientAddress = actor.ClientAddress,
            Action = action,
            Target = target is { Length: > 300 } ? target[..300] : target,
            Result = result,
            Detail = detail,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}

/// <summary>Action names as shown on the audit page.</summary>
public static class AuditActions
{
    public const string SignIn = "登录";
    public const string SignOut = "退出";
    public const string TokenIssued = "获取令牌";
    public const string PasswordChanged = "修改密码";
    public const string PasswordReset = "重置密码";
    public const string UserCreated = "创建用户";
    public const string UserUpdated = "修改用户";
    public const string UserDisabled = "停用用户";
    public const string UserEnabled = "启用用户";
    public const string RolesChanged = "变更角色";
    public const string UserUnlocked = "解除锁定";
    public const string SecondFactorEnabled = "启用动态口令";
    public const string SecondFactorReset = "重置动态口令";
    public const string SecurityPolicyChanged = "修改安全策略";
    public const string Create = "新增";
    public const string Update = "修改";
    public const string Delete = "删除";
    public const string Import = "导入";
    public const string Export = "导出";
    public const string Reveal = "查看敏感信息";
    /// 查询审计日志: a search or check of the audit trail itself
    public const string Search = "查询审计日志";
    /// A refused attempt on a resource the actor may not see or touch.
    public const string AccessDenied = "拒绝访问";
    public const string Download = "下载";
    public const string System = "系统";
}
