using System.Net;
using System.Net.Http.Json;
using InspectReady.FunctionalTests.Infrastructure;

namespace InspectReady.FunctionalTests.Scenarios.CaseFiles;

/// <summary>The register: each unit enters its own files; other units' files do not exist for it; checks come with every file.</summary>
public abstract class CaseRegisterScenarios(AppFactory factory)
{
    [Fact]
    public async Task A_liaison_registers_a_case_and_another_units_liaison_gets_404_for_it()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("登记");
        using var liaisonA = await factory.SignInAsync(cast.District.LiaisonA);
        using var liaisonB = await factory.SignInAsync(cast.District.LiaisonB);
        var id = await liaisonA.RegisterPenaltyAsync(cast.District.UnitA, "登记罚〔2021〕1号");

        Assert.Equal("登记罚〔2021〕1号", (await liaisonA.CaseFileAsync(id))["file"]!["caseNumber"]!.GetValue<string>());
        var other = await liaisonB.Http.GetAsync($"/api/v1/case-files/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await ApiClient.ProblemAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonB.Http.PutAsJsonAsync($"/api/v1/case-files/{id}", CaseFileApi.PenaltyBody(cast.District.UnitA, "改"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonB.Http.DeleteAsync($"/api/v1/case-files/{id}")).StatusCode);
        Assert.DoesNotContain((await liaisonB.GetJsonAsync("/api/v1/case-files"))["items"]!.AsArray(), c => ApiClient.Id(c!) == id);
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonB.Http.PostAsJsonAsync("/api/v1/case-files", CaseFileApi.PenaltyBody(cast.District.UnitA, "越权"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonB.Http.GetAsync($"/api/v1/case-files/{id}/reviews")).StatusCode);
    }

    [Fact]
    public async Task The_office_and_the_inspector_see_every_units_cases_and_only_the_office_writes()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("全览");
        using var liaisonA = await factory.SignInAsync(cast.District.LiaisonA);
        var a = await liaisonA.RegisterPenaltyAsync(cast.District.UnitA, "全览罚1");
        using var office = await factory.SignInAsync(cast.Office);
        var b = await office.RegisterPenaltyAsync(cast.District.UnitB, "全览罚2");
        using var inspector = await factory.SignInAsync(cast.Inspector);

        var seen = (await inspector.GetJsonAsync("/api/v1/case-files"))["items"]!.AsArray().Select(c => ApiClient.Id(c!)).ToList();
        Assert.Contains(a, seen);
        Assert.Contains(b, seen);
        var write = await inspector.Http.PostAsJsonAsync("/api/v1/case-files", CaseFileApi.PenaltyBody(cast.District.UnitA, "督查罚"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        using var reviewer = await factory.SignInAsync(cast.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync($"/api/v1/case-files/{a}")).StatusCode);
    }

    [Fact]
    public async Task Each_case_shows_its_checks_with_rule_dates_and_computed_working_days()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("检查");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        // Decided Tue 2021-09-28; the 7th working day after it is 10/13 (10/1–10/7 off, Sat 10/9 worked).
        var onTime = await liaison.RegisterPenaltyAsync(cast.District.UnitA, "检查罚1");
        var late = await liaison.RegisterPenaltyAsync(cast.District.UnitA, "检查罚2", new { publishedOn = "2021-10-14", officers = new[] { new { name = "张三", certificateNumber = "41040001" } } });

        var pass = CaseFileApi.Check(await liaison.CaseFileAsync(onTime), "publication");
        Assert.Equal("通过", pass["status"]!.GetValue<string>());
        Assert.Equal(7, pass["workingDays"]!.GetValue<int>());
        Assert.Equal("2021-10-13", pass["deadline"]!.GetValue<string>());
        Assert.Contains("7个工作日内公示", pass["rule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["2021-09-28", "2021-10-13"], pass["dates"]!.AsArray().Select(d => d!["date"]!.GetValue<string>()));

        var detail = await liaison.CaseFileAsync(late);
        var fail = CaseFileApi.Check(detail, "publication");
        Assert.Equal(("不通过", 8), (fail["status"]!.GetValue<string>(), fail["workingDays"]!.GetValue<int>()));
        Assert.Equal("不通过", CaseFileApi.Check(detail, "two-officers")["status"]!.GetValue<string>());
        Assert.Equal(2, detail["file"]!["failedChecks"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_chinese()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("校验");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        await liaison.RegisterPenaltyAsync(cast.District.UnitA, "校验罚1");

        var response = await liaison.Http.PostAsJsonAsync("/api/v1/case-files",
            CaseFileApi.PenaltyBody(cast.District.UnitA, "校验罚1", new { decidedOn = "2021-13-01", party = "" }));
        var errors = await CaseFileApi.ErrorsAsync(response);
        Assert.Contains(errors, e => e.Column == "decidedOn" && e.Message.Contains("“决定日期”的值“2021-13-01”不是有效日期", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == "party" && e.Message == "“当事人”不能为空");
        Assert.Contains(errors, e => e.Column == "caseNumber" && e.Message.Contains("本单位已有案号", StringComparison.Ordinal));

        var kind = await liaison.Http.PostAsJsonAsync("/api/v1/case-files", CaseFileApi.PenaltyBody(cast.District.UnitA, "校验罚2", new { kind = "行政处分" }));
        Assert.Contains(await CaseFileApi.ErrorsAsync(kind), e => e.Column == "kind" && e.Message.Contains("行政处分", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_normative_document_review_is_checked_for_its_review_time_and_comment_period()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("规范");
        using var office = await factory.SignInAsync(cast.Office);
        var id = ApiClient.Id(await office.PostOkAsync("/api/v1/case-files", new
        {
            unitId = cast.District.UnitA, kind = "规范性文件合法性审核", caseNumber = "规审〔2021〕3号", cause = "关于规范某某管理的通知",
            legalReviewStartedOn = "2021-09-29", legalReviewEndedOn = "2021-10-08",
            commentStartedOn = "2021-09-28", commentEndedOn = "2021-10-13", commentRule = "7个工作日",
        }));
        var detail = await office.CaseFileAsync(id);
        // (9/29, 10/8]: 9/30 and 10/8 only.
        var review = CaseFileApi.Check(detail, "normative-review");
        Assert.Equal(("不通过", 2), (review["status"]!.GetValue<string>(), review["workingDays"]!.GetValue<int>()));
        var comment = CaseFileApi.Check(detail, "comment-period");
        Assert.Equal(("通过", 7, 15), (comment["status"]!.GetValue<string>(), comment["workingDays"]!.GetValue<int>(), comment["calendarDays"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Correcting_a_case_changes_its_checks_and_is_audited()
    {
        using var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("更正");
        using var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        var id = await liaison.RegisterPenaltyAsync(cast.District.UnitA, "更正罚1", new { publishedOn = "2021-10-14" });
        Assert.Equal("不通过", CaseFileApi.Check(await liaison.CaseFileAsync(id), "publication")["status"]!.GetValue<string>());

        var body = CaseFileApi.PenaltyBody(cast.District.UnitA, "更正罚1", new
        {
            publishedOn = "2021-10-12",
            officers = new[] { new { name = "王五", certificateNumber = "41040009" }, new { name = "赵六", certificateNumber = "41040010" }, new { name = "孙七", certificateNumber = "41040011" } },
        });
        var put = await liaison.Http.PutAsJsonAsync($"/api/v1/case-files/{id}", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var detail = await liaison.CaseFileAsync(id);
        Assert.Equal(("通过", 6), (CaseFileApi.Check(detail, "publication")["status"]!.GetValue<string>(), CaseFileApi.Check(detail, "publication")["workingDays"]!.GetValue<int>()));
        Assert.Equal(["王五", "赵六", "孙七"], detail["file"]!["officers"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));

        // Back to two officers: the third row goes.
        Assert.Equal(HttpStatusCode.OK, (await liaison.Http.PutAsJsonAsync($"/api/v1/case-files/{id}", CaseFileApi.PenaltyBody(cast.District.UnitA, "更正罚1"))).StatusCode);
        Assert.Equal(2, (await liaison.CaseFileAsync(id))["file"]!["officers"]!.AsArray().Count);
        Assert.Contains(await factory.AuditAsync("案卷 更正罚1"), a => a.Action == "修改" && a.Detail!.Contains("publishedOn: 2021-10-14 → 2021-10-12", StringComparison.Ordinal));
    }
}
