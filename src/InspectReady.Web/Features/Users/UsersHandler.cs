using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Audit;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Hosting;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Features.Shared.Access;
using Microsoft.AspNetCore.Identity;
using InspectReady.Web.Features.Shared.Paging;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Users;

public sealed record UserRequest(string? UserName, string? Password, Guid? UnitId, List<string>? Roles, bool? MustChangePassword,
    string? DisplayName = null, Guid? PersonId = null, Guid? RegionId = null);

public sealed record UserUpdateRequest(Guid? UnitId, List<string>? Roles, string? DisplayName, Guid? PersonId, Guid? RegionId = null);

public sealed record RolesRequest(List<string>? Roles);

public sealed record UserDto(Guid Id, string UserName, string? DisplayName, Guid? UnitId, string? UnitName, Guid? PersonId,
    IReadOnlyList<string> Roles, bool MustChangePassword, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt, bool TwoFactorEnabled, Guid? RegionId = null)
{
    /// <summary>Chinese labels of <see cref="Roles"/> (codes), in the same order.</summary>
    public IReadOnlyList<string> RoleLabels => Domain.Access.Roles.Labels(Roles);
}

public sealed record PasswordResetResult(string TemporaryPassword);

public sealed record AccountRegionRequest(Guid? RegionId);

/// <summary>
/// Accounts, split by 三员分立 (ADR 0015): the 系统管理员 creates accounts without roles, changes their unit,
/// disables and resets them; the 安全管理员 grants and removes roles. Nobody changes their own roles, and a
/// password an administrator sets is changed at its first use. Every change is audited.
/// </summary>
public sealed class UsersHandler(UserManager<AppUser> users, AppDbContext db, SecurityPolicyStore policies, IChinaClock clock)
{
    public const string RolesBySecurityAdmin = "角色只能由安全管理员授予（三员分立）：创建账号后由安全管理员通过 PUT /api/v1/users/{id}/roles 授权";

    /// <summary>Accounts by user name, filtered and sliced in the database; roles and unit names only for the page's rows.</summary>
    public async Task<Outcome<Paged<UserDto>>> ListAsync(UserScope actor, PageRequest page, Guid? unitId = null, string? keyword = null)
    {
        if (!actor.CanListUsers)
        {
            return Outcome<Paged<UserDto>>.Forbidden();
        }
        var query = db.Users.AsNoTracking().AsQueryable();
        if (unitId is { } u)
        {
            query = query.Where(x => x.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            query = query.Where(x => x.UserName!.Contains(keyword) || (x.DisplayName != null && x.DisplayName.Contains(keyword)));
        }
        var list = await query.OrderBy(x => x.UserName).ThenBy(x => x.Id).ToPageAsync(page);
        var ids = list.Items.Select(x => x.Id).ToList();
        var unitIds = list.Items.Where(x => x.UnitId != null).Select(x => x.UnitId!.Value).Distinct().ToList();
        var roleMap = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync();
        var unitNames = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name);
        var now = clock.Now;
        return Outcome<Paged<UserDto>>.Ok(list.Map(x => ToDto(x,
            [.. roleMap.Where(r => r.UserId == x.Id).Select(r => r.Name!)],
            x.UnitId is { } id && unitNames.TryGetValue(id, out var n) ? n : null, now)));
    }

    public async Task<Outcome<UserDto>> GetAsync(UserScope actor, Guid id)
    {
        if (!actor.CanListUsers)
        {
            return Outcome<UserDto>.Forbidden();
        }
        var user = await users.FindByIdAsync(id.ToString());
        return user is null ? Outcome<UserDto>.NotFound() : Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    public async Task<Outcome<UserDto>> CreateAsync(UserScope actor, UserRequest request)
    {
        if (!actor.CanManageUsers)
        {
            return Outcome<UserDto>.Forbidden();
        }
        if (request.Roles is not null)
        {
            return Outcome<UserDto>.Forbidden(RolesBySecurityAdmin);
        }
        var errors = await ValidateAsync(request.UnitId, [], request.PersonId);
        var region = await AccountRegion.ResolveAsync(db, request.UnitId, request.RegionId, null, errors);
        if (request.MustChangePassword == false)
        {
            errors.Add(new(null, "mustChangePassword", "管理员设置的密码须在首次登录时修改"));
        }
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length == 0)
        {
            errors.Add(new(null, "userName", "用户名不能为空"));
        }
        if (PasswordRules.Check(request.Password) is { } pw)
        {
            errors.Add(new(null, "password", pw));
        }
        if (errors.Count > 0)
        {
            return Outcome<UserDto>.Invalid(errors);
        }
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            UnitId = request.UnitId,
            RegionId = region,
            PersonId = request.PersonId,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            MustChangePassword = true,
            PasswordChangedAt = clock.UtcNow,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Outcome<UserDto>.Invalid([.. created.Errors.Select(e => new FieldError(null,
                e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "password", e.Description))]);
        }
        db.Record(actor, AuditActions.UserCreated, userName, detail: $"单位：{request.UnitId}；无角色，待安全管理员授权");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    /// <summary>The 系统管理员 changes unit, name and person; a unit change ends the account's sessions and tokens.</summary>
    public async Task<Outcome<UserDto>> UpdateAsync(UserScope actor, Guid id, UserUpdateRequest request)
    {
        if (actor.CanManageUsers && request.Roles is not null)
        {
            return Outcome<UserDto>.Forbidden(RolesBySecurityAdmin);
        }
        var (user, refused) = await LoadAsync<UserDto>(actor.CanManageUsers, id);
        if (user is null)
        {
            return refused;
        }
        var errors = await ValidateAsync(request.UnitId, [.. await users.GetRolesAsync(user)], request.PersonId);
        var region = await AccountRegion.ResolveAsync(db, request.UnitId, request.RegionId, user.RegionId, errors);
        if (errors.Count > 0)
        {
            return Outcome<UserDto>.Invalid(errors);
        }
        // A new unit or region ends the account's sessions and tokens: the claims carry them.
        var unitChanged = user.UnitId != request.UnitId || user.RegionId != region;
        await using var tx = await db.Database.BeginTransactionAsync();
        user.UnitId = request.UnitId;
        user.RegionId = region;
        user.PersonId = request.PersonId;
        user.DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim();
        await users.UpdateAsync(user);
        if (unitChanged)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        db.Record(actor, AuditActions.UserUpdated, user.UserName, detail: $"单位：{request.UnitId}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    /// <summary>
    /// The 安全管理员 sets an account's roles (the whole set). Never one's own; a change ends the account's sessions
    /// and tokens through the security stamp.
    /// </summary>
    public async Task<Outcome<UserDto>> SetRolesAsync(UserScope actor, Guid id, RolesRequest request)
    {
        var (user, refused) = await LoadAsync<UserDto>(actor.CanGrantRoles, id);
        if (user is null)
        {
            return refused;
        }
        if (user.Id == actor.UserId)
        {
            return Outcome<UserDto>.Forbidden("不能修改自己的角色");
        }
        var roles = (request.Roles ?? []).Select(r => Roles.Parse(r) ?? r.Trim()).Distinct().ToList();
        var errors = await ValidateAsync(user.UnitId, roles, user.PersonId);
        if (errors.Count > 0)
        {
            return Outcome<UserDto>.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).ToList();
        if (removed.Count + added.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, removed);
            await users.AddToRolesAsync(user, added);
            await users.UpdateSecurityStampAsync(user);
            db.Record(actor, AuditActions.RolesChanged, user.UserName, detail: $"增加：{Roles.Describe(added)}；移除：{Roles.Describe(removed)}");
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        return Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    public async Task<Outcome<UserDto>> SetDisabledAsync(UserScope actor, Guid id, bool disabled)
    {
        var (user, refused) = await LoadAsync<UserDto>(actor.CanManageUsers, id);
        if (user is null)
        {
            return refused;
        }
        if (user.Id == actor.UserId)
        {
            return Outcome<UserDto>.Invalid("id", "不能停用自己的账号");
        }
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        db.Record(actor, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.UserName);
        await db.SaveChangesAsync();
        return Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    /// <summary>A generated temporary password that must be changed at the next sign-in.</summary>
    public async Task<Outcome<PasswordResetResult>> ResetPasswordAsync(UserScope actor, Guid id)
    {
        var (user, refused) = await LoadAsync<PasswordResetResult>(actor.CanManageUsers, id);
        if (user is null)
        {
            return refused;
        }
        var temporary = Bootstrap.GeneratePassword((await policies.CurrentAsync()).PasswordMinLength);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, temporary);
        if (!result.Succeeded)
        {
            return Outcome<PasswordResetResult>.Invalid("password", string.Join("；", result.Errors.Select(e => e.Description)));
        }
        user.MustChangePassword = true;
        user.PasswordChangedAt = clock.UtcNow;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Record(actor, AuditActions.PasswordReset, user.UserName);
        await db.SaveChangesAsync();
        return Outcome<PasswordResetResult>.Ok(new PasswordResetResult(temporary));
    }

    /// <summary>
    /// The 安全管理员 turns off a lost authenticator: key and recovery codes are discarded, sessions end, and an account
    /// that must use a 动态口令 enrols a new one at its next sign-in. Never one's own.
    /// </summary>
    public async Task<Outcome<UserDto>> ResetSecondFactorAsync(UserScope actor, Guid id)
    {
        var (user, refused) = await LoadAsync<UserDto>(actor.CanGrantRoles, id);
        if (user is null)
        {
            return refused;
        }
        if (user.Id == actor.UserId)
        {
            return Outcome<UserDto>.Forbidden("不能重置自己的动态口令");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        db.Record(actor, AuditActions.SecondFactorReset, user.UserName);
        await db.SaveChangesAsync();
        return Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    public async Task<Outcome<UserDto>> UnlockAsync(UserScope actor, Guid id)
    {
        var (user, refused) = await LoadAsync<UserDto>(actor.CanListUsers, id);
        if (user is null)
        {
            return refused;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Record(actor, AuditActions.UserUnlocked, user.UserName);
        await db.SaveChangesAsync();
        return Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    private async Task<List<FieldError>> ValidateAsync(Guid? unitId, List<string> roles, Guid? personId)
    {
        var errors = new List<FieldError>();
        foreach (var role in roles.Where(r => !Roles.IsValid(r)))
        {
            errors.Add(new(null, "roles", $"角色“{role}”不存在，可选：{Roles.Codes.Describe()}"));
        }
        if (Roles.SeparationViolation(roles) is { } violation)
        {
            errors.Add(new(null, "roles", violation));
        }
        if (unitId is { } u && !await db.Units.AnyAsync(x => x.Id == u))
        {
            errors.Add(new(null, "unitId", "所属单位不存在"));
        }
        if (unitId is null && roles.Any(Roles.UnitBound.Contains))
        {
            errors.Add(new(null, "unitId", $"角色“{Roles.Describe(roles.Where(Roles.UnitBound.Contains))}”必须指定所属单位"));
        }
        if (personId is { } p && !await db.People.AnyAsync(x => x.Id == p && x.UnitId == unitId))
        {
            errors.Add(new(null, "personId", "关联人员不存在或不属于该单位"));
        }
        return errors;
    }

    /// <summary>所属区划 of an account without a unit (ADR 0017); its tokens end, as its reach changed.</summary>
    public async Task<Outcome<UserDto>> SetRegionAsync(UserScope actor, Guid id, AccountRegionRequest request)
    {
        var (user, refused) = await LoadAsync<UserDto>(actor.CanManageUsers, id);
        if (user is null)
        {
            return refused;
        }
        var errors = new List<FieldError>();
        if (request.RegionId is null)
        {
            errors.Add(new(null, "regionId", "须指定所属区划"));
        }
        var region = await AccountRegion.ResolveAsync(db, user.UnitId, request.RegionId, user.RegionId, errors);
        if (errors.Count > 0)
        {
            return Outcome<UserDto>.Invalid(errors);
        }
        if (user.RegionId != region)
        {
            user.RegionId = region;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            db.Record(actor, AuditActions.UserUpdated, user.UserName, detail: $"所属区划：{region}");
            await db.SaveChangesAsync();
        }
        return Outcome<UserDto>.Ok(await DtoAsync(user));
    }

    /// <summary>The account, after the actor's right to act on accounts: refused first, then 404 (nothing disclosed).</summary>
    private async Task<(AppUser? User, Outcome<T> Refused)> LoadAsync<T>(bool allowed, Guid id)
    {
        if (!allowed)
        {
            return (null, Outcome<T>.Forbidden());
        }
        return (await users.FindByIdAsync(id.ToString()), Outcome<T>.NotFound());
    }

    private async Task<UserDto> DtoAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var unitName = user.UnitId is { } u ? await db.Units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync() : null;
        return ToDto(user, [.. roles], unitName, clock.Now);
    }

    private static UserDto ToDto(AppUser u, IReadOnlyList<string> roles, string? unitName, DateTimeOffset now) =>
        new(u.Id, u.UserName!, u.DisplayName, u.UnitId, unitName, u.PersonId, roles, u.MustChangePassword, u.IsDisabled,
            u.LockoutEnd is { } end && end > now, u.CreatedAt, u.TwoFactorEnabled, u.RegionId);
}
