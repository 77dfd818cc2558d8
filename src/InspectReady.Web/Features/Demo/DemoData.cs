using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Demo;

/// <summary>
/// <c>dotnet run --project src/InspectReady.Web -- seed-demo</c>: 平顶山市 → 卫东区 with every unit named in
/// the task list, their groups and aliases, a liaison and a leader (with accounts) for each. Idempotent.
/// Streets the document does not name are marked 示例. Then a campaign in progress (<see cref="DemoCampaign"/>).
/// </summary>
public sealed class DemoData(IServiceProvider services, IConfiguration configuration)
{
    public const string Command = "seed-demo";

    /// <summary>Spellings the task list uses for the same unit.</summary>
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["区市场监督管理局"] = ["区市场监管局"],
        ["区城市管理局"] = ["区城管局"],
        ["区委依法治区办"] = ["区委依法治市办"],
        ["区政务服务和大数据管理局"] = ["区政务服务大数据局"],
        ["区人社局"] = ["区人力资源和社会保障局"],
        ["区发改委"] = ["区发展和改革委员会"],
    };

    private static readonly string[] EnforcementUnits =
    [
        "区市场监督管理局", "卫东公安分局", "区城市管理局", "区生态环境局", "区文化广电和旅游局", "区住建局", "区自然资源和规划局",
        "区农业农村和水利局", "区交通运输局", "区应急管理局", "区卫健委", "区人社局", "区民政局", "区教体局", "卫东区税务局", "区商务局",
        "区医保局", "区民族宗教局", "区财政局", "区统计局", "区审计局", "区发改委",
    ];

    private static readonly string[] LicensingUnits =
    [
        "区政务服务和大数据管理局", "区市场监督管理局", "区住建局", "区自然资源和规划局", "区生态环境局", "区文化广电和旅游局",
        "区农业农村和水利局", "区交通运输局", "区卫健委", "区教体局", "区民政局", "区人社局", "区城市管理局", "区发改委",
    ];

    private static readonly string[] FeeUnits = ["区教体局", "区卫健委", "区住建局", "区民政局", "区农业农村和水利局"];

    private static readonly string[] SampleStreets = ["东安路街道", "五一路街道", "建设路街道"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平"];

    public async Task<int> RunAsync(string[] args)
    {
        var password = configuration["INSPECTREADY_DEMO_PASSWORD"];
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("请先设置环境变量 INSPECTREADY_DEMO_PASSWORD（演示账号的密码），例如：INSPECTREADY_DEMO_PASSWORD='Demo@2026pw' dotnet run --project src/InspectReady.Web -- seed-demo");
            return 2;
        }
        if (PasswordRules.Check(password) is { } weak)
        {
            await Console.Error.WriteLineAsync($"INSPECTREADY_DEMO_PASSWORD 不符合密码规则：{weak}");
            return 2;
        }
        _ = args;
        var summary = await SeedAsync(password);
        Console.WriteLine($"演示数据已载入：平顶山市 → 卫东区，单位 {summary.Units} 个（示例街道 {SampleStreets.Length} 个），每个单位一名联络员（uNNN-lly）和一名分管领导（uNNN-ld）；另有 office（创建办）、inspector（督查）、reviewer（评查员）、examinee（考生）。密码均为 INSPECTREADY_DEMO_PASSWORD。三员账号 admin、secadmin、auditadmin 是首次启动时创建的，不属于演示数据。");
        var c = summary.Campaign;
        Console.WriteLine($"进行中的创建活动：{c.CampaignName}，任务 {string.Join("、", c.TasksByStatus.Select(kv => $"{kv.Key} {kv.Value}项"))}，逾期 {c.Overdue} 项；案卷 {c.CaseFiles} 件，督办单 {c.Notices} 份。各种状态的任务都有的单位：{c.ShowcaseUnitName}。");
        return 0;
    }

    /// <summary>What <c>seed-demo</c> loads; the browser tests call it on their server. Idempotent.</summary>
    public async Task<DemoSummary> SeedAsync(string password)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var actor = UserScope.System(Command);

        var city = await EnsureRegionAsync(db, "平顶山市", RegionLevel.City, null, sample: false);
        var district = await EnsureRegionAsync(db, "卫东区", RegionLevel.District, city.Id, sample: false);
        foreach (var street in SampleStreets)
        {
            await EnsureRegionAsync(db, street, RegionLevel.Subdistrict, district.Id, sample: true);
        }

        var names = TaskListUnitNames().ToList();
        var units = new List<Unit>();
        foreach (var name in names)
        {
            units.Add(await EnsureUnitAsync(db, name, UnitGroups.GuessKind(name), district.Id, sample: false));
        }
        units.Add(await EnsureUnitAsync(db, "区创建办", UnitKind.Coordinating, district.Id, sample: false));
        foreach (var street in SampleStreets)
        {
            units.Add(await EnsureUnitAsync(db, street, UnitKind.Subdistrict, district.Id, sample: true));
        }
        db.Record(actor, AuditActions.Import, "演示数据", detail: $"单位{units.Count}个");
        await db.SaveChangesAsync();

        var index = 0;
        foreach (var unit in units)
        {
            index++;
            var code = $"u{index:000}";
            await EnsurePersonAsync(db, users, unit, CampaignRole.Liaison, "联络员", $"{code}-lly", Roles.UnitLiaison, password, index * 2);
            await EnsurePersonAsync(db, users, unit, CampaignRole.ResponsibleLeader, "分管副局长", $"{code}-ld", Roles.UnitLeader, password, index * 2 + 1);
        }
        var office = units.First(u => u.Name == "区创建办");
        // The office belongs to 卫东区 (its unit's region) and sees that district; the inspector is the city's and sees
        // the city and every district below it (ADR 0017).
        await EnsureAccountAsync(users, "office", "区创建办工作人员", office.Id, [Roles.Office], password, regionId: district.Id);
        await EnsureAccountAsync(users, "inspector", "督查组", null, [Roles.Inspector], password, regionId: city.Id);
        await EnsureAccountAsync(users, "reviewer", "案卷评查员", null, [Roles.Reviewer], password, regionId: district.Id);
        await EnsureAccountAsync(users, "examinee", $"{units[0].Name}考生", units[0].Id, [Roles.Examinee], password, regionId: district.Id);
        db.Record(actor, AuditActions.UserCreated, "演示账号", detail: $"每个单位联络员、领导各一人，另有 office、inspector、reviewer、examinee");
        await db.SaveChangesAsync();

        var campaign = await scope.ServiceProvider.GetRequiredService<DemoCampaign>().EnsureAsync(district.Id);
        return new DemoSummary(units.Count, campaign);
    }

    public sealed record DemoSummary(int Units, DemoCampaignSummary Campaign);

    /// <summary>Every responsible unit named in the built-in task list, groups excepted, in order of first mention.</summary>
    public static IEnumerable<string> TaskListUnitNames()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("frameworks/fzzf-sx-2021.json")
            ?? throw new InvalidOperationException("内置指标体系数据缺失");
        using var doc = JsonDocument.Parse(stream);
        var names = new List<string>();
        foreach (var l1 in doc.RootElement.GetProperty("level1").EnumerateArray())
        {
            foreach (var l2 in l1.GetProperty("level2").EnumerateArray())
            {
                foreach (var indicator in l2.GetProperty("indicators").EnumerateArray())
                {
                    names.AddRange(indicator.GetProperty("units").EnumerateArray().Select(u => UnitNames.Normalise(u.GetString() ?? "")));
                }
            }
        }
        var aliasOf = Aliases.SelectMany(kv => kv.Value.Select(a => (a, kv.Key))).ToDictionary(x => x.a, x => x.Key);
        return names.Where(n => n.Length > 0 && !UnitGroups.IsGroup(n))
            .Select(n => aliasOf.TryGetValue(n, out var canonical) ? canonical : n).Distinct();
    }

    private static async Task<Region> EnsureRegionAsync(AppDbContext db, string name, string level, Guid? parent, bool sample)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Name == name && r.ParentId == parent);
        if (region is null)
        {
            region = new Region { Name = name, Level = level, ParentId = parent, IsSample = sample };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
        }
        return region;
    }

    private static async Task<Unit> EnsureUnitAsync(AppDbContext db, string name, string kind, Guid regionId, bool sample)
    {
        var unit = await db.Units.Include(u => u.Aliases).Include(u => u.Tags).FirstOrDefaultAsync(u => u.Name == name);
        if (unit is not null)
        {
            return unit;
        }
        unit = new Unit { Name = name, Kind = kind, RegionId = regionId, IsSample = sample };
        unit.SetAliases(Aliases.GetValueOrDefault(name, []));
        var tags = new List<string>();
        if (EnforcementUnits.Contains(name)) tags.Add(UnitGroups.EnforcementTag);
        if (LicensingUnits.Contains(name)) tags.Add(UnitGroups.LicensingTag);
        if (FeeUnits.Contains(name)) tags.Add(UnitGroups.FeesTag);
        if (kind == UnitKind.DistrictDepartment) tags.AddRange([UnitGroups.DecisionTag, UnitGroups.DraftingTag]);
        unit.SetTags(tags);
        db.Units.Add(unit);
        return unit;
    }

    private static async Task EnsurePersonAsync(AppDbContext db, UserManager<AppUser> users, Unit unit, string role, string position,
        string userName, string accountRole, string password, int seed)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.CampaignRole == role);
        if (person is null)
        {
            person = new Person
            {
                Name = Surnames[seed % Surnames.Length] + GivenNames[seed * 7 % GivenNames.Length],
                UnitId = unit.Id,
                Position = position,
                CampaignRole = role,
                Mobile = $"1380375{seed % 10000:0000}",
                OfficePhone = $"0375-{2900000 + seed}",
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        await EnsureAccountAsync(users, userName, $"{unit.Name}{role}", unit.Id, [accountRole], password, person.Id, unit.RegionId);
    }

    private static async Task EnsureAccountAsync(UserManager<AppUser> users, string userName, string displayName, Guid? unitId,
        string[] roles, string password, Guid? personId = null, Guid? regionId = null)
    {
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            if (existing.RegionId is null && regionId is not null)
            {
                existing.RegionId = regionId;
                await users.UpdateAsync(existing);
            }
            return;
        }
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, UnitId = unitId, PersonId = personId, RegionId = regionId,
            MustChangePassword = false, PasswordChangedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"无法创建演示账号 {userName}：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(user, roles);
    }
}
