using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Home;

/// <summary>One step of setting the system up: who does it, where, and whether it is done.</summary>
public sealed record FirstStep(int No, string Title, string Who, string Hint, IReadOnlyList<(string Text, string Href)> Links, bool Done, bool Mine);

/// <summary>
/// 工作台's first steps of a system not yet in use: units and people (系统管理员 or 创建办) → accounts (系统管理员
/// creates them, 安全管理员 grants roles) → the campaign (创建办). Shown while a step is open, to the roles that do one;
/// it says only whether each step is done, not what another seat's data holds.
/// </summary>
public sealed class FirstStepsQuery(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyList<FirstStep>> ForAsync(UserScope actor)
    {
        var organiser = actor.CanManageOrganisation;
        var accounts = actor.CanManageUsers;
        var grants = actor.CanGrantRoles;
        var office = actor.IsInRole(Roles.Office);
        if (!organiser && !accounts && !grants)
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var hasUnits = await db.Units.AnyAsync();
        var hasPeople = await db.People.AnyAsync();
        var admins = Roles.Administrators.ToList();
        var working = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where !admins.Contains(r.Name!) select ur.UserId;
        // The three administrators exist from the first start; any further account is someone's work.
        var hasAccounts = await db.Users.CountAsync() > Roles.Administrators.Count;
        var hasRoles = await working.AnyAsync();
        var hasCampaign = await db.Campaigns.AnyAsync();
        if (hasUnits && hasPeople && hasAccounts && hasRoles && hasCampaign)
        {
            return [];
        }
        return
        [
            new(1, "建立行政区划、单位和人员", "系统管理员或创建办", "先建区划，再建单位（可批量导入），然后录入各单位的联络员和分管领导。",
                [("行政区划", "/organisation/regions"), ("单位", "/organisation/units"), ("人员", "/organisation/people")], hasUnits && hasPeople, organiser),
            new(2, "创建账号并授予角色", "系统管理员创建账号，安全管理员授予角色", "为创建办、各单位联络员和领导、评查员、督查创建账号；三员分立，创建与授权由不同的人完成。",
                [("用户与角色", "/admin/users")], hasAccounts && hasRoles, accounts || grants),
            new(3, "创建迎检活动", "创建办", "选择指标体系和区划，设定报送截止日期，系统按责任单位生成任务。",
                [("创建活动", "/campaigns")], hasCampaign, office),
        ];
    }
}
