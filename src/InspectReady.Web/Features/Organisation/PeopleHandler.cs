using InspectReady.Web.Domain.Common;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using System.Linq.Expressions;
using InspectReady.Web.Features.Shared.Paging;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Organisation;

public sealed class PeopleHandler(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>A campaign role's place in <see cref="CampaignRole.All"/>, as a CASE the database sorts by.</summary>
    private static readonly Expression<Func<Person, int>> RoleRank = BuildRoleRank();

    private static Expression<Func<Person, int>> BuildRoleRank()
    {
        var p = Expression.Parameter(typeof(Person), "p");
        var role = Expression.Property(p, nameof(Person.CampaignRole));
        Expression rank = Expression.Constant(CampaignRole.All.Count);
        for (var i = CampaignRole.All.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(role, Expression.Constant(CampaignRole.All[i])), Expression.Constant(i), rank);
        }
        return Expression.Lambda<Func<Person, int>>(rank, p);
    }

    /// <summary>People the actor may see, ordered by unit and campaign role and sliced in the database.</summary>
    public async Task<Outcome<Paged<PersonDto>>> ListAsync(UserScope actor, PageRequest page, Guid? unitId = null, string? role = null, bool reveal = false)
    {
        if (reveal && !PersonAccess.MayReveal(actor, unitId))
        {
            return Outcome<Paged<PersonDto>>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var query = PersonAccess.Visible(db, actor).AsNoTracking().Include(p => p.Unit).AsQueryable();
        if (unitId is { } u)
        {
            query = query.Where(p => p.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            var code = CampaignRole.Parse(role) ?? role.Trim();
            query = query.Where(p => p.CampaignRole == code);
        }
        var people = await query.OrderBy(p => p.Unit!.Name).ThenBy(RoleRank).ThenBy(p => p.Name).ThenBy(p => p.Id).ToPageAsync(page);
        if (reveal && people.Items.Count > 0)
        {
            db.Record(actor, AuditActions.Reveal, unitId is null ? "人员联系方式" : $"人员联系方式（单位 {unitId}）",
                detail: $"{people.Items.Count}人（第{people.Page}页，共{people.Total}人）");
            await db.SaveChangesAsync();
        }
        return Outcome<Paged<PersonDto>>.Ok(people.Map(p => ToDto(p, reveal)));
    }

    public async Task<Outcome<PersonDto>> CreateAsync(UserScope actor, PersonRequest request)
    {
        if (!PersonAccess.MayEdit(actor, request.UnitId))
        {
            return request.UnitId is { } u && !PersonAccess.SeesUnit(actor, u) ? Outcome<PersonDto>.NotFound() : Outcome<PersonDto>.Forbidden();
        }
        await using var db = await factory.CreateDbContextAsync();
        var errors = await ValidateAsync(db, request);
        if (errors.Count > 0)
        {
            return Outcome<PersonDto>.Invalid(errors);
        }
        var person = Build(request);
        db.People.Add(person);
        db.Record(actor, AuditActions.Create, AuditName(person));
        await db.SaveChangesAsync();
        person.Unit = await db.Units.FindAsync(person.UnitId);
        return Outcome<PersonDto>.Ok(ToDto(person, reveal: false));
    }

    public async Task<Outcome<PersonDto>> UpdateAsync(UserScope actor, Guid id, PersonRequest request)
    {
        await using var db = await factory.CreateDbContextAsync();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id);
        if (person is null || !PersonAccess.SeesUnit(actor, person.UnitId))
        {
            return Outcome<PersonDto>.NotFound();
        }
        if (!PersonAccess.MayEdit(actor, person.UnitId) || !PersonAccess.MayEdit(actor, request.UnitId))
        {
            return Outcome<PersonDto>.Forbidden();
        }
        var errors = await ValidateAsync(db, request);
        if (errors.Count > 0)
        {
            return Outcome<PersonDto>.Invalid(errors);
        }
        person.Name = request.Name!.Trim();
        person.UnitId = request.UnitId!.Value;
        person.Position = request.Position?.Trim();
        person.CampaignRole = CampaignRole.Parse(request.CampaignRole)!;
        if (request.Mobile is not null)
        {
            // The page shows a masked number; null means "keep", an empty string clears it.
            person.Mobile = string.IsNullOrWhiteSpace(request.Mobile) ? null : request.Mobile.Trim();
        }
        person.OfficePhone = request.OfficePhone?.Trim();
        db.Record(actor, AuditActions.Update, AuditName(person));
        await db.SaveChangesAsync();
        person.Unit = await db.Units.FindAsync(person.UnitId);
        return Outcome<PersonDto>.Ok(ToDto(person, reveal: false));
    }

    public async Task<Outcome<bool>> DeleteAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id);
        if (person is null || !PersonAccess.SeesUnit(actor, person.UnitId))
        {
            return Outcome<bool>.NotFound();
        }
        if (!PersonAccess.MayEdit(actor, person.UnitId))
        {
            return Outcome<bool>.Forbidden();
        }
        db.People.Remove(person);
        db.Record(actor, AuditActions.Delete, AuditName(person));
        await db.SaveChangesAsync();
        return Outcome<bool>.Ok(true);
    }

    internal static Person Build(PersonRequest r) => new()
    {
        Name = r.Name!.Trim(),
        UnitId = r.UnitId!.Value,
        Position = string.IsNullOrWhiteSpace(r.Position) ? null : r.Position.Trim(),
        CampaignRole = CampaignRole.Parse(r.CampaignRole)!,
        Mobile = string.IsNullOrWhiteSpace(r.Mobile) ? null : r.Mobile.Trim(),
        OfficePhone = string.IsNullOrWhiteSpace(r.OfficePhone) ? null : r.OfficePhone.Trim(),
    };

    internal static async Task<List<FieldError>> ValidateAsync(AppDbContext db, PersonRequest r)
    {
        var errors = ValidateFields(r, null, f => f);
        if (r.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId))
        {
            errors.Add(new(null, "unitId", "所属单位不存在"));
        }
        return errors;
    }

    /// <summary>The checks that need no database, shared with the Excel import.</summary>
    internal static List<FieldError> ValidateFields(PersonRequest r, int? row, Func<string, string> column)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            errors.Add(new(row, column("name"), "姓名不能为空"));
        }
        if (CampaignRole.Parse(r.CampaignRole) is null)
        {
            errors.Add(new(row, column("campaignRole"), $"迎检职责“{r.CampaignRole}”无效，只能是：{CampaignRole.Codes.Describe()}"));
        }
        if (!string.IsNullOrWhiteSpace(r.Mobile) && !PhoneNumbers.IsMobile(r.Mobile))
        {
            errors.Add(new(row, column("mobile"), $"手机号“{r.Mobile}”格式不正确，应为11位手机号"));
        }
        if (!string.IsNullOrWhiteSpace(r.OfficePhone) && !PhoneNumbers.IsLandline(r.OfficePhone) && !PhoneNumbers.IsMobile(r.OfficePhone))
        {
            errors.Add(new(row, column("officePhone"), $"办公电话“{r.OfficePhone}”格式不正确，如 0375-1234567"));
        }
        return errors;
    }

    /// <summary>The audit trail names a person by id and a masked name: it keeps who was changed, not their personal data.</summary>
    internal static string AuditName(Person p) => $"人员 {PersonNames.Mask(p.Name)}（{p.Id}）";

    public static PersonDto ToDto(Person p, bool reveal) => new(p.Id, p.Name, p.UnitId, p.Unit?.Name, p.Position, p.CampaignRole,
        reveal ? p.Mobile : PhoneNumbers.Mask(p.Mobile), p.OfficePhone);
}
