using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Exams.ManageExams;

/// <summary>
/// 随机抽考 for the office: an exam from a blueprint the bank must satisfy (checked before anything is stored), its
/// examinees named or drawn from the rosters with a recorded seed, each with an own frozen paper and access code;
/// the proctor's view (discipline counters), extending or ending one examinee's time, closing the exam.
/// </summary>
public sealed class ExamsHandler(IDbContextFactory<AppDbContext> factory, IChinaClock clock, TakeExam.ExamineeCache examinees)
{
    public const int MaxExaminees = 5000;

    public async Task<Outcome<CreatedDto>> CreateAsync(UserScope actor, CreateExamRequest r)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!ExamAccess.IsOffice(actor))
        {
            return await Visibility.ForbiddenAsync<CreatedDto>(db, actor, "考试");
        }
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 200)
        {
            errors.Add(new(null, "name", "考试名称不能为空，且不超过200字"));
        }
        if (r.DurationMinutes is < 1 or > 600)
        {
            errors.Add(new(null, "durationMinutes", $"考试时长“{r.DurationMinutes}”无效，应为1至600分钟"));
        }
        if (r.MultipleScoring is not null && !MultipleScoring.IsValid(r.MultipleScoring))
        {
            errors.Add(new(null, "multipleScoring", "多选题计分方式只能是 all_or_nothing 或 partial"));
        }
        var cells = (r.Blueprint ?? []).Select(c => new BlueprintCell(c.Type ?? "", Empty(c.Source), Empty(c.Difficulty), c.Count, c.Score)).ToList();
        errors.AddRange(Blueprints.Validate(cells).Select(e => new FieldError(null, "blueprint", e)));
        var opens = r.OpensAt is { } o ? ChinaTime.ToUtc(o) : clock.UtcNow;
        var closes = r.ClosesAt is { } c ? ChinaTime.ToUtc(c) : opens.AddDays(7);
        if (closes <= opens)
        {
            errors.Add(new(null, "closesAt", "结束时间应晚于开始时间"));
        }
        if (r.WaveSize is < 0 || r.WaveSeconds is < 0 or > 3600)
        {
            errors.Add(new(null, "waveSize", "分批开考：每批人数不能为负，间隔为0至3600秒"));
        }
        if (r.GradingTolerance is < 0)
        {
            errors.Add(new(null, "gradingTolerance", "双评允许误差不能为负"));
        }
        if (errors.Count > 0)
        {
            return Outcome<CreatedDto>.Invalid(errors);
        }
        var bank = await ExamAccess.Bank(db, actor).AsNoTracking().ToListAsync();
        var lacking = Blueprints.Shortfalls(cells, bank);
        if (lacking.Count > 0)
        {
            var message = string.Join("；", lacking.Select(l => $"“{l.Cell}”缺{l.Lacking}题"));
            return new Outcome<CreatedDto>(OutcomeKind.Unprocessable, default, [new FieldError(null, "blueprint", $"题库不足以满足组卷规则：{message}")])
            {
                Violations = [.. lacking.Select(l => new LackingCellDto(l.Cell, l.Lacking))],
            };
        }
        var exam = new Exam
        {
            RegionId = actor.RegionId!.Value, Name = r.Name!.Trim(), DurationMinutes = r.DurationMinutes, Blueprint = cells, OpensAt = opens, ClosesAt = closes,
            MultipleScoring = r.MultipleScoring ?? MultipleScoring.AllOrNothing, MaxAttempts = Math.Max(1, r.MaxAttempts ?? 1),
            PassScore = r.PassScore ?? Math.Round(cells.Sum(c => c.Count * c.Score) * 0.6m, 2), WaveSize = r.WaveSize ?? 0, WaveSeconds = r.WaveSeconds ?? 0,
            DoubleGrading = r.DoubleGrading ?? false, GradingTolerance = r.GradingTolerance ?? 0, Graders = [.. r.Graders ?? []],
            CreatedBy = actor.UserName, CreatedAt = clock.UtcNow,
        };
        db.Set<Exam>().Add(exam);
        db.Record(actor, AuditActions.Create, $"考试 {exam.Name}", detail: $"{cells.Sum(c => c.Count)}题，满分{Grading.Format(exam.MaxScore)}");
        await db.SaveChangesAsync();
        return Outcome<CreatedDto>.Ok(new CreatedDto(exam.Id));
    }

    public async Task<Paged<ExamDto>> ListAsync(UserScope actor, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var managed = ExamAccess.Managed(db, actor).Select(e => e.Id);
        var unit = actor.UnitId;
        var rows = await ExamAccess.Visible(db, actor).AsNoTracking().OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                Exam = e, Manages = managed.Contains(e.Id),
                Count = db.Set<Examinee>().Count(x => x.ExamId == e.Id && (managed.Contains(e.Id) || x.UnitId == unit)),
                Submitted = db.Set<Examinee>().Count(x => x.ExamId == e.Id && (managed.Contains(e.Id) || x.UnitId == unit) && x.Status == ExamineeStatus.Submitted),
            })
            .ToPageAsync(page);
        return rows.Map(x => ExamDto.Of(x.Exam, x.Count, x.Submitted, x.Manages));
    }

    public async Task<Outcome<ExamDto>> GetAsync(UserScope actor, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var exam = await ExamAccess.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (exam is null)
        {
            return Outcome<ExamDto>.NotFound();
        }
        var manages = await ExamAccess.Managed(db, actor).AnyAsync(e => e.Id == id);
        var examinees = ExamAccess.Examinees(db, actor, exam, manages);
        return Outcome<ExamDto>.Ok(ExamDto.Of(exam, await examinees.CountAsync(), await examinees.CountAsync(x => x.Status == ExamineeStatus.Submitted), manages));
    }

    /// <summary>Loads an exam the office manages, or why not (404 unseen; 403 for a unit user who may only read it).</summary>
    internal static async Task<Outcome<Exam>> ManagedAsync(AppDbContext db, UserScope actor, Guid id, bool track = false)
    {
        var query = track ? ExamAccess.Managed(db, actor) : ExamAccess.Managed(db, actor).AsNoTracking();
        if (await query.FirstOrDefaultAsync(e => e.Id == id) is { } exam)
        {
            return Outcome<Exam>.Ok(exam);
        }
        if (await ExamAccess.Visible(db, actor).AnyAsync(e => e.Id == id))
        {
            return await Visibility.ForbiddenAsync<Exam>(db, actor, $"考试 {id}");
        }
        if (await db.Set<Exam>().AnyAsync(e => e.Id == id))
        {
            await Visibility.DeniedAsync(db, actor, $"考试 {id}", "其他区划的考试或无权访问");
        }
        return Outcome<Exam>.NotFound();
    }

    public async Task<Outcome<AssignedDto>> AssignAsync(UserScope actor, Guid examId, AssignExamineesRequest r)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await ManagedAsync(db, actor, examId);
        if (!loaded.IsOk)
        {
            return loaded.As<AssignedDto>();
        }
        var exam = loaded.Value!;
        if (exam.IsClosed(clock.UtcNow))
        {
            return Outcome<AssignedDto>.Conflict("考试已结束，不能再安排考生");
        }
        if ((r.PersonIds is null) == (r.Draw is null))
        {
            return Outcome<AssignedDto>.Invalid("personIds", "请给出 personIds（指定人员）或 draw（从名单随机抽取）之一");
        }
        var existing = await db.Set<Examinee>().Where(x => x.ExamId == examId).ToListAsync();
        if (existing.Count > 0 && string.IsNullOrWhiteSpace(r.Reason) && r.Draw is not null)
        {
            return Outcome<AssignedDto>.Invalid("reason", "该考试已抽取过考生，重新抽取须填写原因（reason）");
        }
        var today = clock.Today;
        var people = await ExamAccess.People(db, actor).AsNoTracking().OrderBy(p => p.UnitId).ThenBy(p => p.Id).ToListAsync();
        var seed = r.Draw?.Seed ?? SeededRandom.NewSeed();
        if (seed is < 0 or > SeededRandom.MaxSeed)
        {
            return Outcome<AssignedDto>.Invalid("seed", $"随机种子应为0至{SeededRandom.MaxSeed}之间的整数");
        }
        List<(Domain.Organisation.Person Person, string? Category)> chosen;
        if (r.PersonIds is { } ids)
        {
            var byId = people.ToDictionary(p => p.Id);
            var unknown = ids.Where(i => !byId.ContainsKey(i)).ToList();
            if (unknown.Count > 0)
            {
                return Outcome<AssignedDto>.Invalid("personIds", $"人员不存在或不在本区划：{string.Join("、", unknown)}");
            }
            chosen = [.. ids.Distinct().Select(i => (byId[i], byId[i].CategoriesOn(today) is { Count: > 0 } cs ? cs[0] : null))];
        }
        else
        {
            var d = r.Draw!;
            var categories = d.Categories ?? [];
            var errors = new List<FieldError>();
            if (categories.Count == 0 || categories.Any(c => !ExamineeCategories.IsValid(c)))
            {
                errors.Add(new(null, "draw.categories", $"人员类别应为 {string.Join("、", ExamineeCategories.All)} 中的一个或多个"));
            }
            if ((d.PerUnit is null) == (d.Share is null) || d.PerUnit is < 1 || d.Share is <= 0 or > 1)
            {
                errors.Add(new(null, "draw.perUnit", "请给出每单位每类抽取人数 perUnit（≥1）或比例 share（0至1）之一"));
            }
            if (errors.Count > 0)
            {
                return Outcome<AssignedDto>.Invalid(errors);
            }
            var units = d.UnitIds is { Count: > 0 } only ? people.Where(p => only.Contains(p.UnitId)) : people;
            chosen = Draw(units.ToList(), categories, d.PerUnit, d.Share, seed, today);
        }
        if (chosen.Count == 0)
        {
            return Outcome<AssignedDto>.Invalid("draw", "名单中没有符合条件的人员，未抽取任何考生");
        }
        if (chosen.Count > MaxExaminees)
        {
            return Outcome<AssignedDto>.Invalid("personIds", $"一次最多安排{MaxExaminees}名考生");
        }
        if (existing.Any(x => x.Status != ExamineeStatus.Assigned))
        {
            var keep = existing.Where(x => x.Status != ExamineeStatus.Assigned).Select(x => x.PersonId).ToHashSet();
            if (r.Draw is not null)
            {
                return Outcome<AssignedDto>.Conflict("已有考生开始作答，不能重新抽取");
            }
            chosen = [.. chosen.Where(c => !keep.Contains(c.Person.Id))];
        }
        // A redraw replaces the examinees who have not started; adding named people keeps the others.
        var replaced = r.Draw is not null ? existing : existing.Where(x => chosen.Any(c => c.Person.Id == x.PersonId)).ToList();
        db.Set<Examinee>().RemoveRange(replaced);
        var bank = await ExamAccess.Bank(db, actor).AsNoTracking().ToListAsync();
        var lacking = Blueprints.Shortfalls(exam.Blueprint, bank);
        if (lacking.Count > 0)
        {
            return Outcome<AssignedDto>.Conflict("题库已不足以满足组卷规则：" + string.Join("；", lacking.Select(l => $"“{l.Cell}”缺{l.Lacking}题")));
        }
        var codes = new HashSet<string>();
        var offset = existing.Count - replaced.Count;
        var result = new List<Examinee>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var (person, category) = chosen[i];
            string code;
            do
            {
                code = ExamineeTokens.NewAccessCode();
            }
            while (!codes.Add(code));
            var paperSeed = SeededRandom.Derive(seed, i);
            var wave = exam.WaveSize > 0 ? (offset + i) / exam.WaveSize : 0;
            var examinee = new Examinee
            {
                ExamId = exam.Id, PersonId = person.Id, UnitId = person.UnitId, PersonName = person.Name, Category = category, AccessCode = code,
                PaperSeed = paperSeed, StartAfter = exam.OpensAt.AddSeconds((double)wave * exam.WaveSeconds),
                Items = Blueprints.Assemble(exam.Blueprint, bank, paperSeed),
            };
            result.Add(examinee);
        }
        db.Set<Examinee>().AddRange(result);
        var draw = new ExamDraw
        {
            ExamId = exam.Id, Seed = seed, Categories = [.. r.Draw?.Categories ?? []], PerUnit = r.Draw?.PerUnit, Share = r.Draw?.Share,
            PersonIds = [.. result.Select(x => x.PersonId)], Reason = Empty(r.Reason), DrawnBy = actor.UserName, DrawnAt = clock.UtcNow,
        };
        db.ExamDraws.Add(draw);
        db.Record(actor, AuditActions.Create, $"考试 {exam.Name} 抽取考生",
            detail: $"种子 {seed}，{result.Count}人" + (r.Draw is null ? "（指定）" : $"（{string.Join("、", draw.Categories.Select(ExamineeCategories.Label))}）")
                + (draw.Reason is null ? "" : $"，重新抽取原因：{draw.Reason}"));
        await db.SaveChangesAsync();
        return Outcome<AssignedDto>.Ok(new AssignedDto(
            [.. result.Select(x => new AssignedExamineeDto(x.PersonId, x.AccessCode, x.Id, x.PersonName, x.UnitId, x.Category))], seed, draw.Id));
    }

    /// <summary>The draw itself: per unit (in id order) and category (in the order asked), N (or the share, rounded up) people not yet drawn.</summary>
    public static List<(Domain.Organisation.Person Person, string? Category)> Draw(IReadOnlyList<Domain.Organisation.Person> people,
        IReadOnlyList<string> categories, int? perUnit, decimal? share, long seed, DateOnly today)
    {
        var random = new SeededRandom(seed);
        var chosen = new List<(Domain.Organisation.Person, string?)>();
        var taken = new HashSet<Guid>();
        foreach (var unit in people.GroupBy(p => p.UnitId).OrderBy(g => g.Key))
        {
            foreach (var category in categories)
            {
                var pool = unit.Where(p => !taken.Contains(p.Id) && p.CategoriesOn(today).Contains(category)).OrderBy(p => p.Id).ToList();
                var n = perUnit ?? (int)Math.Ceiling(pool.Count * (double)share!.Value);
                foreach (var p in random.Take(pool, n))
                {
                    taken.Add(p.Id);
                    chosen.Add((p, category));
                }
            }
        }
        return chosen;
    }

    public async Task<Outcome<Paged<ExamineeRowDto>>> ExamineesAsync(UserScope actor, Guid examId, Guid? unitId, string? status, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var exam = await ExamAccess.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId);
        if (exam is null)
        {
            return Outcome<Paged<ExamineeRowDto>>.NotFound();
        }
        var manages = await ExamAccess.Managed(db, actor).AnyAsync(e => e.Id == examId);
        await ExamineeSweep.SweepOverdueAsync(db, exam, clock.UtcNow);
        var query = ExamAccess.Examinees(db, actor, exam, manages).AsNoTracking();
        if (unitId is { } u)
        {
            query = query.Where(x => x.UnitId == u);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(x => x.Status == status);
        }
        var paged = await query.OrderBy(x => x.UnitId).ThenBy(x => x.PersonName).ThenBy(x => x.Id)
            .Select(x => new
            {
                X = x, Unit = db.Units.Where(n => n.Id == x.UnitId).Select(n => n.Name).FirstOrDefault(),
                Answered = db.Set<PaperItem>().Count(i => i.ExamineeId == x.Id && i.Answer != null),
                Items = db.Set<PaperItem>().Count(i => i.ExamineeId == x.Id),
            })
            .ToPageAsync(page);
        return Outcome<Paged<ExamineeRowDto>>.Ok(paged.Map(r => Row(r.X, r.Unit, r.Answered, r.Items, manages)));
    }

    internal static ExamineeRowDto Row(Examinee x, string? unit, int answered, int items, bool showCode) => new(x.Id, x.PersonId, x.PersonName, x.UnitId, unit,
        x.Category, x.Category is null ? null : ExamineeCategories.Label(x.Category), showCode ? x.AccessCode : null, x.Status, ExamineeStatus.Label(x.Status),
        x.StartAfter, x.StartedAt, x.DeadlineAt, x.SubmittedAt, x.SubmittedHow, x.LeaveCount, x.PasteCount, answered, items, x.ObjectiveScore,
        x.SubjectiveScore, x.TotalScore);

    public async Task<Outcome<ExamineeRowDto>> ExtendAsync(UserScope actor, Guid examId, Guid examineeId, int minutes) =>
        await ProctorAsync(actor, examId, examineeId, (exam, x) =>
        {
            if (minutes is 0 or < -600 or > 600)
            {
                return "延长时间应为-600至600之间的非零分钟数";
            }
            if (x.Status != ExamineeStatus.Started)
            {
                return "考生未在作答中，不能延长时间";
            }
            x.Extend(minutes);
            return null;
        }, $"延长{minutes}分钟");

    public async Task<Outcome<ExamineeRowDto>> EndAsync(UserScope actor, Guid examId, Guid examineeId) =>
        await ProctorAsync(actor, examId, examineeId, (exam, x) =>
        {
            if (x.Status == ExamineeStatus.Submitted)
            {
                return "考生已交卷";
            }
            x.Submit(clock.UtcNow, "proctor", exam.MultipleScoring);
            return null;
        }, "结束作答（监考收卷）");

    private async Task<Outcome<ExamineeRowDto>> ProctorAsync(UserScope actor, Guid examId, Guid examineeId, Func<Exam, Examinee, string?> act, string what)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await ManagedAsync(db, actor, examId);
        if (!loaded.IsOk)
        {
            return loaded.As<ExamineeRowDto>();
        }
        var x = await db.Set<Examinee>().Include(e => e.Items).FirstOrDefaultAsync(e => e.Id == examineeId && e.ExamId == examId);
        if (x is null)
        {
            return Outcome<ExamineeRowDto>.NotFound();
        }
        if (act(loaded.Value!, x) is { } conflict)
        {
            return conflict.Contains("应为", StringComparison.Ordinal) ? Outcome<ExamineeRowDto>.Invalid("minutes", conflict) : Outcome<ExamineeRowDto>.Conflict(conflict);
        }
        db.Record(actor, AuditActions.Update, $"考试 {loaded.Value!.Name} 考生 {x.PersonName}", detail: what);
        await db.SaveChangesAsync();
        return Outcome<ExamineeRowDto>.Ok(Row(x, null, x.Items.Count(i => i.Answer != null), x.Items.Count, true));
    }

    /// <summary>Closes the exam: whoever is still writing is submitted, access codes stop working.</summary>
    public async Task<Outcome<ExamDto>> CloseAsync(UserScope actor, Guid examId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await ManagedAsync(db, actor, examId, track: true);
        if (!loaded.IsOk)
        {
            return loaded.As<ExamDto>();
        }
        var exam = loaded.Value!;
        var open = await db.Set<Examinee>().Include(x => x.Items).Where(x => x.ExamId == examId && x.Status == ExamineeStatus.Started).ToListAsync();
        foreach (var x in open)
        {
            x.Submit(clock.UtcNow, "closed", exam.MultipleScoring);
        }
        exam.Status = ExamStatus.Closed;
        if (exam.ClosesAt > clock.UtcNow)
        {
            exam.ClosesAt = clock.UtcNow;
        }
        db.Record(actor, AuditActions.Update, $"考试 {exam.Name}", detail: $"结束考试，{open.Count}人自动交卷");
        await db.SaveChangesAsync();
        examinees.ExamChanged(exam.Id);
        return Outcome<ExamDto>.Ok(ExamDto.Of(exam, 0, 0, true));
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
