using InspectReady.Web.Domain.Common;
using System.Security.Cryptography;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Sampling;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.CaseFiles.Sampling;

/// <summary>
/// 随机抽查 (ADR 0105): 创建办 draws N files of a unit and kind with a seed; the draw, the seed, the population
/// and the drawer are kept, and every draw is audited. Drawing again for the same unit and kind needs a reason
/// and makes a new draw that supersedes the old one; nothing is redone silently.
/// </summary>
public sealed class SamplingHandler(IDbContextFactory<AppDbContext> factory)
{
    public const int MaxCount = 200;

    public async Task<IReadOnlyList<SamplingDrawDto>> ListAsync(UserScope actor, Guid? unitId = null, string? kind = null, bool includeSuperseded = true)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.SamplingDraws.AsNoTracking().Include(d => d.Items).AsQueryable();
        if (!CaseFileAccess.IsReviewer(actor))
        {
            var units = CaseFileAccess.Units(db, actor);
            query = query.Where(d => units.Contains(d.UnitId));
        }
        if (unitId is { } u)
        {
            query = query.Where(d => d.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var code = CaseKind.Parse(kind) ?? kind.Trim();
            query = query.Where(d => d.Kind == code);
        }
        if (!includeSuperseded)
        {
            query = query.Where(d => d.SupersededBy == null);
        }
        var draws = await query.ToListAsync();
        return await ToDtosAsync(db, [.. draws.OrderByDescending(d => d.DrawnAt)]);
    }

    public async Task<Outcome<SamplingDrawDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var draw = await db.SamplingDraws.AsNoTracking().Include(d => d.Items).FirstOrDefaultAsync(d => d.Id == id);
        if (draw is null || !(await CaseFileAccess.SeesUnitAsync(db, actor, draw.UnitId) || CaseFileAccess.IsReviewer(actor)))
        {
            return Outcome<SamplingDrawDto>.NotFound();
        }
        return Outcome<SamplingDrawDto>.Ok((await ToDtosAsync(db, [draw]))[0]);
    }

    public async Task<Outcome<SamplingDrawDto>> DrawAsync(UserScope actor, SamplingDrawRequest request)
    {
        if (!CaseFileAccess.IsOffice(actor))
        {
            return Outcome<SamplingDrawDto>.Forbidden();
        }
        request = request with { Kind = CaseKind.Parse(request.Kind) ?? request.Kind };
        var errors = new List<FieldError>();
        if (request.UnitId is null)
        {
            errors.Add(new(null, "unitId", "请选择被抽查的单位"));
        }
        if (!CaseKind.IsValid(request.Kind))
        {
            errors.Add(new(null, "kind", $"案卷类别“{request.Kind}”无效，只能是：{CaseKind.Codes.Describe()}"));
        }
        if (request.Count is not (>= 1 and <= MaxCount))
        {
            errors.Add(new(null, "count", $"抽取数量“{request.Count}”无效，应为1至{MaxCount}之间的整数"));
        }
        if (request.Seed is < 0 or > SampleDrawer.MaxSeed)
        {
            errors.Add(new(null, "seed", $"随机种子“{request.Seed}”无效，应为0至{SampleDrawer.MaxSeed}之间的整数"));
        }
        var from = OptionalDate(request.DecidedFrom, "decidedFrom", "决定日期起", errors);
        var to = OptionalDate(request.DecidedTo, "decidedTo", "决定日期止", errors);
        if (errors.Count > 0)
        {
            return Outcome<SamplingDrawDto>.Invalid(errors);
        }

        await using var db = await factory.CreateDbContextAsync();
        var unitId = request.UnitId!.Value;
        if (!await db.Units.AnyAsync(u => u.Id == unitId))
        {
            return Outcome<SamplingDrawDto>.Invalid("unitId", "被抽查的单位不存在");
        }
        if (!await CaseFileAccess.SeesUnitAsync(db, actor, unitId))
        {
            // An office draws only from the units of its own region and below (ADR 0017).
            return Outcome<SamplingDrawDto>.NotFound();
        }
        var current = await db.SamplingDraws.FirstOrDefaultAsync(d => d.UnitId == unitId && d.Kind == request.Kind && d.SupersededBy == null);
        var reason = request.RedoReason?.Trim();
        if (current is not null && string.IsNullOrEmpty(reason))
        {
            return Outcome<SamplingDrawDto>.Conflict($"该单位的“{request.Kind}”案卷已于{ChinaTime.Minutes(current.DrawnAt)}由{current.DrawnBy}抽取（种子{current.Seed}）；重新抽取须填写理由，原抽取记录将保留");
        }

        var query = db.CaseFiles.AsNoTracking().Where(c => c.UnitId == unitId && c.Kind == request.Kind);
        if (from is { } f)
        {
            query = query.Where(c => c.DecidedOn >= f);
        }
        if (to is { } t)
        {
            query = query.Where(c => c.DecidedOn <= t);
        }
        // A fixed order (case number, then id) so that the recorded population reproduces the draw.
        var population = (await query.Select(c => new { c.Id, c.CaseNumber }).ToListAsync())
            .OrderBy(c => c.CaseNumber, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Id).ToList();
        if (population.Count == 0)
        {
            return Outcome<SamplingDrawDto>.Invalid("kind", $"该单位没有符合条件的“{request.Kind}”案卷可供抽取");
        }
        var seed = request.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var drawn = SampleDrawer.Draw(population, request.Count!.Value, seed);
        var draw = new SamplingDraw
        {
            UnitId = unitId,
            Kind = request.Kind!,
            Requested = request.Count.Value,
            Seed = seed,
            DecidedFrom = from,
            DecidedTo = to,
            Population = string.Join(",", population),
            Items = [.. drawn.Select((id, i) => new SamplingDrawItem { Position = i + 1, CaseFileId = id })],
            DrawnById = actor.UserId,
            DrawnBy = actor.UserName,
            Replaces = current?.Id,
            RedoReason = current is null ? null : reason,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        if (current is not null)
        {
            // First, so that the unique index on the current draw of a unit and kind never sees two.
            current.SupersededBy = draw.Id;
            await db.SaveChangesAsync();
        }
        db.SamplingDraws.Add(draw);
        db.Record(actor, current is null ? "抽取案卷" : "重新抽取案卷", $"{CaseKind.Label(request.Kind)}案卷抽查 单位 {unitId}",
            detail: $"种子{seed}，从{population.Count}件中抽取{drawn.Count}件" + (current is null ? "" : $"；替换抽取记录 {current.Id}（种子{current.Seed}），理由：{reason}"));
        try
        {
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        catch (DbUpdateException)
        {
            return Outcome<SamplingDrawDto>.Conflict("同一单位和类别的抽取刚由他人完成，请刷新后重试");
        }
        return Outcome<SamplingDrawDto>.Ok((await ToDtosAsync(db, [draw]))[0]);
    }

    /// <summary>Draws again with the recorded seed over the recorded population and compares.</summary>
    public async Task<Outcome<SamplingVerificationDto>> VerifyAsync(UserScope actor, Guid id)
    {
        var draw = await GetEntityAsync(actor, id);
        if (draw is null)
        {
            return Outcome<SamplingVerificationDto>.NotFound();
        }
        var recorded = draw.Items.OrderBy(i => i.Position).Select(i => i.CaseFileId).ToList();
        var redrawn = SampleDrawer.Draw(draw.PopulationIds(), draw.Requested, draw.Seed);
        return Outcome<SamplingVerificationDto>.Ok(new SamplingVerificationDto(draw.Id, draw.Seed, recorded.SequenceEqual(redrawn), recorded, redrawn));
    }

    private async Task<SamplingDraw?> GetEntityAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var draw = await db.SamplingDraws.AsNoTracking().Include(d => d.Items).FirstOrDefaultAsync(d => d.Id == id);
        return draw is not null && (await CaseFileAccess.SeesUnitAsync(db, actor, draw.UnitId) || CaseFileAccess.IsReviewer(actor)) ? draw : null;
    }

    private static async Task<List<SamplingDrawDto>> ToDtosAsync(AppDbContext db, List<SamplingDraw> draws)
    {
        var ids = draws.SelectMany(d => d.Items.Select(i => i.CaseFileId)).Distinct().ToList();
        var files = await db.CaseFiles.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.CaseNumber, c.Cause }).ToDictionaryAsync(c => c.Id);
        var unitIds = draws.Select(d => d.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        return [.. draws.Select(d => new SamplingDrawDto(d.Id, d.UnitId, units.GetValueOrDefault(d.UnitId), d.Kind, d.Requested, d.Seed,
            d.DecidedFrom is { } f ? ChinaDate.Iso(f) : null, d.DecidedTo is { } t ? ChinaDate.Iso(t) : null, d.PopulationIds().Count,
            [.. d.Items.OrderBy(i => i.Position).Select(i => new SampledFileDto(i.Position, i.CaseFileId,
                files.GetValueOrDefault(i.CaseFileId)?.CaseNumber ?? "", files.GetValueOrDefault(i.CaseFileId)?.Cause ?? ""))],
            d.DrawnBy, d.DrawnAt, d.Replaces, d.RedoReason, d.SupersededBy))];
    }

    private static DateOnly? OptionalDate(string? text, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }
        errors.Add(new(null, field, $"“{label}”的值“{text}”不是有效日期，应为 YYYY-MM-DD"));
        return null;
    }
}
