using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Domain.Exams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.FunctionalTests.Scenarios.Exams;

public abstract class ExamScenarios(AppFactory factory)
{
    private static Dictionary<string, object?> Row(string type, string stem, string answer, string source = "宪法", string? a = "甲", string? b = "乙",
        string difficulty = "中等") => new()
    {
        ["题型"] = type, ["题目"] = stem, ["选项A"] = a, ["选项B"] = b, ["正确答案"] = answer, ["解析"] = null, ["来源"] = source, ["条款"] = null,
        ["难度"] = difficulty, ["标签"] = "测试",
    };

    [Fact]
    public async Task An_excel_bank_with_synonym_columns_imports_and_is_listed_by_type_and_source()
    {
        var cast = await factory.CreateExamCastAsync("题导");
        var response = await cast.Office.Http.PostAsync("/api/v1/exams/questions/import", ExamApi.File(ExamApi.Workbook(
        [
            Row("单选", "导入单选题一（ ）", "A"), Row("多选题", "导入多选题一（ ）", "A,B", "行政处罚法"), Row("判断", "导入判断题一", "正确", a: null, b: null),
            Row("填空", "导入填空____题", "空", "民法典", null, null, "2"),
        ]), "题库.xlsx"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(4, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["imported"]!.GetValue<int>());
        var page = await cast.Office.GetJsonAsync("/api/v1/exams/questions?type=multiple&source=penalty&keyword=" + Uri.EscapeDataString("导入"));
        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Equal("AB", page["items"]![0]!["answer"]!.GetValue<string>());
        var all = await cast.Office.GetJsonAsync("/api/v1/exams/questions?pageSize=500");
        Assert.True(all["total"]!.GetValue<int>() >= 64);
    }

    [Fact]
    public async Task Every_bad_excel_row_is_reported_and_nothing_is_imported()
    {
        var cast = await factory.CreateExamCastAsync("题错");
        var before = (await cast.Office.GetJsonAsync("/api/v1/exams/questions"))["total"]!.GetValue<int>();
        var errors = await ExamApi.ImportErrorsAsync(await cast.Office.Http.PostAsync("/api/v1/exams/questions/import", ExamApi.File(ExamApi.Workbook(
        [
            Row("单选", "好题（ ）", "A"),                        // row 2
            Row("问卷", "坏题型", "A"),                            // row 3
            Row("单选", "", "A"),                                 // row 4: no stem
            Row("单选", "答案不存在（ ）", "E"),                    // row 5
            Row("判断", "判断题答案坏", "也许", a: null, b: null),   // row 6
            Row("单选", "来源坏（ ）", "A", "刑法"),                 // row 7
            Row("单选", "难度坏（ ）", "A", difficulty: "9"),       // row 8
            Row("填空", "两个____和____", "一个", a: null, b: null),  // row 9
            Row("单选", "好题（ ）", "B"),                         // row 10: duplicate of row 2
        ]), "坏题库.xlsx")));
        int[] rows = [3, 4, 5, 6, 7, 8, 9, 10];
        foreach (var row in rows)
        {
            Assert.Contains(errors, e => e!["row"]?.GetValue<int>() == row);
        }
        Assert.DoesNotContain(errors, e => e!["row"]?.GetValue<int>() == 2);
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>().Contains("第10行：与第2行的题目重复", StringComparison.Ordinal));
        Assert.Equal(before, (await cast.Office.GetJsonAsync("/api/v1/exams/questions"))["total"]!.GetValue<int>());

        var missing = await ExamApi.ImportErrorsAsync(await cast.Office.Http.PostAsync("/api/v1/exams/questions/import",
            ExamApi.File(ExamApi.Workbook([new() { ["名称"] = "x" }]), "无列.xlsx")));
        Assert.Contains(missing, e => e!["message"]!.GetValue<string>().Contains("缺少列“题干”", StringComparison.Ordinal));
        var notExcel = await ExamApi.ImportErrorsAsync(await cast.Office.Http.PostAsync("/api/v1/exams/questions/import",
            ExamApi.File("not a workbook"u8.ToArray(), "x.xlsx")));
        Assert.Contains(notExcel, e => e!["message"]!.GetValue<string>().Contains("不是 .xlsx 或 .docx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_word_bank_in_the_common_layout_imports_with_a_preview_and_bad_items_are_reported_by_number()
    {
        var cast = await factory.CreateExamCastAsync("题文");
        var good = ExamApi.Docx("一、单项选择题", "1、文档单选题（ ）", "A．甲 B．乙", "C．丙 D．丁", "答案：C", "解析：说明", "来源：行政强制法",
            "二、判断题", "1、文档判断题。", "答案：错", "来源：宪法", "三、填空题", "1、文档填空（ ）题", "答案：空", "来源：民法典");
        var preview = await cast.Office.Http.PostAsync("/api/v1/exams/questions/import?preview=true", ExamApi.File(good, "题库.docx"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(3, JsonNode.Parse(await preview.Content.ReadAsStringAsync())!["preview"]!.AsArray().Count);
        Assert.Equal(0, (await cast.Office.GetJsonAsync("/api/v1/exams/questions?keyword=" + Uri.EscapeDataString("文档")))["total"]!.GetValue<int>());
        var imported = await cast.Office.Http.PostAsync("/api/v1/exams/questions/import", ExamApi.File(good, "题库.docx"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(3, (await cast.Office.GetJsonAsync("/api/v1/exams/questions?keyword=" + Uri.EscapeDataString("文档")))["total"]!.GetValue<int>());

        var bad = ExamApi.Docx("一、单项选择题", "1、缺答案（ ）", "A．甲 B．乙", "来源：宪法", "2、只有一个选项（ ）", "A．甲", "答案：A", "来源：宪法",
            "二、奇怪题", "1、什么题型", "答案：A", "三、判断题", "1、无来源判断。", "答案：对");
        var errors = await ExamApi.ImportErrorsAsync(await cast.Office.Http.PostAsync("/api/v1/exams/questions/import", ExamApi.File(bad, "坏.docx")));
        Assert.Contains(errors, e => e!["item"]?.GetValue<int>() == 1 && e["message"]!.GetValue<string>().Contains("答案", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!["item"]?.GetValue<int>() == 2 && e["message"]!.GetValue<string>().Contains("至少需要两个选项", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>().Contains("无法识别的题型标题", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>().Contains("来源不能为空", StringComparison.Ordinal));
        Assert.Equal(0, (await cast.Office.GetJsonAsync("/api/v1/exams/questions?keyword=" + Uri.EscapeDataString("缺答案")))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_blueprint_the_bank_cannot_satisfy_is_422_naming_each_cell_and_nothing_is_created()
    {
        var cast = await factory.CreateExamCastAsync("题缺");
        var response = await cast.Office.Http.PostAsJsonAsync("/api/v1/exams", new
        {
            name = "缺题考试", durationMinutes = 30,
            blueprint = new object[]
            {
                new { type = "single", source = "constitution", count = 50, score = 1 }, new { type = "essay", source = "penalty", count = 1, score = 20 },
                new { type = "truefalse", count = 2, score = 1 },
            },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        var errors = JsonNode.Parse(text)!["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["cell"]!.GetValue<string>() == "单项选择题 × 宪法" && e["lacking"]!.GetValue<int>() == 47);
        Assert.Contains(errors, e => e!["cell"]!.GetValue<string>() == "论述题 × 行政处罚法" && e["lacking"]!.GetValue<int>() == 1);
        Assert.Equal(2, errors.Count);
        Assert.Equal(0, (await cast.Office.GetJsonAsync("/api/v1/exams"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Each_examinee_gets_an_own_paper_meeting_the_blueprint_without_repeats_in_another_order()
    {
        var cast = await factory.CreateExamCastAsync("题卷");
        var exam = await cast.Office.CreateExamAsync("组卷考试", [new { type = "single", count = 10, score = 2 }, new { type = "truefalse", count = 6, score = 1 }]);
        var examinees = await cast.Office.AssignAsync(exam, cast.PeopleA.Take(2));
        var papers = new List<JsonArray>();
        foreach (var e in examinees)
        {
            using var x = await factory.ExamineeAsync(e!["accessCode"]!.GetValue<string>());
            var paper = (await x.GetJsonAsync($"/api/v1/me/exams/{exam}/paper"))["items"]!.AsArray();
            Assert.Equal(16, paper.Count);
            Assert.Equal(10, paper.Count(i => i!["type"]!.GetValue<string>() == "single"));
            Assert.All(paper.Where(i => i!["type"]!.GetValue<string>() == "single"), i =>
            {
                Assert.Equal(2, i!["score"]!.GetValue<decimal>());
                Assert.Equal(["A", "B", "C", "D"], i["options"]!.AsArray().Select(o => o!["key"]!.GetValue<string>()));
            });
            Assert.DoesNotContain("\"answer\":\"", paper.ToJsonString(), StringComparison.Ordinal);
            papers.Add(paper);
        }
        string Stems(JsonArray p) => string.Join("|", p.Select(i => i!["stem"]!.GetValue<string>()));
        Assert.All(papers, p => Assert.Equal(16, p.Select(i => i!["stem"]!.GetValue<string>()).Distinct().Count()));
        Assert.NotEqual(Stems(papers[0]), Stems(papers[1]));
    }

    [Fact]
    public async Task Answers_of_every_type_are_saved_as_given_and_graded_on_submission_with_partial_credit()
    {
        var cast = await factory.CreateExamCastAsync("题评");
        var exam = await cast.Office.CreateExamAsync("评分考试", ExamApi.EveryType(), scoring: "partial");
        var code = (await cast.Office.AssignAsync(exam, [cast.PeopleA[0]]))[0]!["accessCode"]!.GetValue<string>();
        using var x = await factory.ExamineeAsync(code.ToLowerInvariant());
        var mine = (await x.GetJsonAsync("/api/v1/me/exams")).AsArray();
        Assert.Equal(exam.ToString(), mine.Single()!["id"]!.GetValue<string>());
        var items = (await x.GetJsonAsync($"/api/v1/me/exams/{exam}/paper"))["items"]!.AsArray();
        foreach (var item in items)
        {
            var id = item!["id"]!.GetValue<string>();
            var content = await factory.ContentAsync(id);
            object? answer = item["type"]!.GetValue<string>() switch
            {
                "single" => content.Answer,
                // One correct key short of all of them: partial credit.
                "multiple" => content.Answer[..^1],
                "truefalse" => content.Answer == "true" ? "正确" : "错误",
                "blank" => content.Blanks.Select(b => "　" + b[0].ToUpperInvariant() + "。").ToArray(),
                _ => "我的作答",
            };
            var saved = await x.AnswerAsync(exam, id, answer);
            Assert.True(saved.StatusCode == HttpStatusCode.NoContent, await saved.Content.ReadAsStringAsync());
        }
        var single = items.First(i => i!["type"]!.GetValue<string>() == "single")!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.BadRequest, (await x.AnswerAsync(exam, single, "Z")).StatusCode);
        var multiple = await factory.ContentAsync(items.First(i => i!["type"]!.GetValue<string>() == "multiple")!["id"]!.GetValue<string>());
        var expectedMultiple = Math.Round(3m * (multiple.Answer.Length - 1) / multiple.Answer.Length, 2, MidpointRounding.AwayFromZero);

        var submitted = await x.PostOkAsync($"/api/v1/me/exams/{exam}/submit", new { }, HttpStatusCode.OK);
        Assert.Equal(2 + expectedMultiple + 1 + 2, submitted["objectiveScore"]!.GetValue<decimal>());
        Assert.Equal(8, submitted["maxObjectiveScore"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.Conflict, (await x.AnswerAsync(exam, single, "A")).StatusCode);
        var again = await x.PostOkAsync($"/api/v1/me/exams/{exam}/submit", new { }, HttpStatusCode.OK);
        Assert.Equal(submitted["objectiveScore"]!.GetValue<decimal>(), again["objectiveScore"]!.GetValue<decimal>());

        var results = await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/results");
        Assert.Equal(1, results["pendingGrading"]!.GetValue<int>());
        var queue = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/grading")).AsArray();
        var graded = await cast.Office.Http.PutAsJsonAsync($"/api/v1/exams/{exam}/grading/{queue.Single()!["itemId"]!.GetValue<string>()}", new { score = 6 });
        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        var row = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/results"))["rows"]![0]!;
        Assert.Equal(2 + expectedMultiple + 1 + 2 + 6, row["totalScore"]!.GetValue<decimal>());
        var stats = await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/statistics");
        Assert.Equal(5, stats["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_reconnect_resumes_the_same_paper_with_the_saved_answers_and_the_server_deadline()
    {
        var cast = await factory.CreateExamCastAsync("题续");
        var exam = await cast.Office.CreateExamAsync("续答考试", [new { type = "single", count = 5, score = 2 }, new { type = "blank", count = 2, score = 2 }]);
        var code = (await cast.Office.AssignAsync(exam, [cast.PeopleA[0]]))[0]!["accessCode"]!.GetValue<string>();
        string itemId;
        string deadline;
        using (var first = await factory.ExamineeAsync(code))
        {
            var paper = await first.GetJsonAsync($"/api/v1/me/exams/{exam}/paper");
            deadline = paper["deadlineAt"]!.GetValue<string>();
            itemId = paper["items"]![0]!["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.NoContent, (await first.AnswerAsync(exam, itemId, "C")).StatusCode);
            var blank = paper["items"]!.AsArray().First(i => i!["type"]!.GetValue<string>() == "blank")!["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.NoContent, (await first.AnswerAsync(exam, blank, new[] { "甲" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await first.Http.PostAsJsonAsync($"/api/v1/me/exams/{exam}/events", new { kind = "leave" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await first.Http.PostAsJsonAsync($"/api/v1/me/exams/{exam}/events", new { kind = "paste" })).StatusCode);
        }
        using var second = await factory.ExamineeAsync(code);
        var resumed = await second.GetJsonAsync($"/api/v1/me/exams/{exam}/paper");
        Assert.Equal(DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(resumed["deadlineAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(itemId, resumed["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("C", resumed["items"]![0]!["answer"]!.GetValue<string>());
        Assert.Contains(resumed["items"]!.AsArray(), i => i!["answer"] is JsonArray a && a[0]!.GetValue<string>() == "甲");
        var proctor = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/examinees"))["items"]![0]!;
        Assert.Equal(1, proctor["leaveCount"]!.GetValue<int>());
        Assert.Equal(1, proctor["pasteCount"]!.GetValue<int>());
        Assert.Equal(2, proctor["answered"]!.GetValue<int>());
        Assert.Equal("started", proctor["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answers_saved_at_once_by_many_examinees_are_all_kept_and_none_lands_after_submission()
    {
        var cast = await factory.CreateExamCastAsync("题并", peoplePerUnit: 6);
        var exam = await cast.Office.CreateExamAsync("并发考试", [new { type = "single", count = 4, score = 2 }, new { type = "truefalse", count = 2, score = 1 }]);
        var assigned = await cast.Office.AssignAsync(exam, cast.PeopleA.Concat(cast.PeopleB));
        var examinees = new List<(ApiClient Client, List<string> Items)>();
        foreach (var e in assigned)
        {
            var client = await factory.ExamineeAsync(e!["accessCode"]!.GetValue<string>());
            var paper = await client.GetJsonAsync($"/api/v1/me/exams/{exam}/paper");
            examinees.Add((client, [.. paper["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())]));
        }
        // Every examinee saves every item at the same moment, each item twice (the page's debounced saves): 72 writes at once.
        var saves = examinees.SelectMany(x => x.Items.SelectMany((item, n) => new[]
        {
            x.Client.AnswerAsync(exam, item, n < 4 ? (object)"B" : true), x.Client.AnswerAsync(exam, item, n < 4 ? (object)"A" : false),
        }));
        var answered = await Task.WhenAll(saves);
        Assert.All(answered, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var rows = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/examinees"))["items"]!.AsArray();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(6, r!["answered"]!.GetValue<int>()));

        // Submitting while saves are still arriving: whatever was acknowledged before the submission is graded, nothing lands after it.
        var (first, items) = examinees[0];
        Assert.Equal(HttpStatusCode.OK, (await first.Http.PostAsync($"/api/v1/me/exams/{exam}/submit", null)).StatusCode);
        var late = await Task.WhenAll(items.Select((item, n) => first.AnswerAsync(exam, item, n < 4 ? (object)"C" : true)));
        Assert.All(late, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var kept = (await first.GetJsonAsync($"/api/v1/me/exams/{exam}/paper"))["items"]!.AsArray()
            .Select(i => i!["type"]!.GetValue<string>() == "single" ? i["answer"]!.GetValue<string>() : i["answer"]!.ToJsonString()).ToList();
        Assert.Equal(6, kept.Count);
        Assert.All(kept, a => Assert.Contains(a, new[] { "A", "B", "true", "false" }));
        Assert.DoesNotContain("C", kept);
        foreach (var (client, _) in examinees)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Graders_are_named_from_the_own_region_and_grade_only_the_exams_they_are_named_for()
    {
        var cast = await factory.CreateExamCastAsync("题阅");
        var exam = await cast.Office.CreateExamAsync("阅卷考试", [new { type = "single", count = 1, score = 2 }, new { type = "short", count = 1, score = 10 }]);
        using (var admin = await factory.Api().SignInAsAdminAsync())
        {
            await admin.CreateDistrictAsync("题阅外");
        }
        var candidates = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/graders/candidates?pageSize=500"))["items"]!.AsArray()
            .Select(c => c!["userName"]!.GetValue<string>()).ToList();
        Assert.Contains(cast.District.LiaisonA, candidates);
        Assert.Contains(cast.OfficeName, candidates);
        Assert.DoesNotContain("admin", candidates);
        Assert.DoesNotContain(candidates, c => c.StartsWith("题阅外", StringComparison.Ordinal));
        var other = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/graders/candidates?q={Uri.EscapeDataString(cast.District.LiaisonB)}"))["items"]![0]!["id"]!.GetValue<string>();
        var liaison = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/graders/candidates?q={Uri.EscapeDataString(cast.District.LiaisonA)}"))["items"]![0]!["id"]!.GetValue<string>();

        // An account of another district is refused by position, and nothing is changed.
        using (var admin = await factory.Api().SignInAsAdminAsync())
        {
            var users = (await admin.GetJsonAsync("/api/v1/users?pageSize=500"))["items"]!.AsArray();
            var outsider = users.First(u => u!["userName"]!.GetValue<string>().StartsWith("题阅外", StringComparison.Ordinal))!["id"]!.GetValue<string>();
            var refused = await cast.Office.Http.PutAsJsonAsync($"/api/v1/exams/{exam}/graders", new { graders = new[] { liaison, outsider } });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("graders[1]", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty((await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/graders")).AsArray());
        }
        var named = await cast.Office.Http.PutAsJsonAsync($"/api/v1/exams/{exam}/graders", new { graders = new[] { liaison } });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(liaison, (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/graders")).AsArray().Single()!["id"]!.GetValue<string>());

        var code = (await cast.Office.AssignAsync(exam, [cast.PeopleA[0]]))[0]!["accessCode"]!.GetValue<string>();
        using (var x = await factory.ExamineeAsync(code))
        {
            var items = (await x.GetJsonAsync($"/api/v1/me/exams/{exam}/paper"))["items"]!.AsArray();
            var shortItem = items.First(i => i!["type"]!.GetValue<string>() == "short")!["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.NoContent, (await x.AnswerAsync(exam, shortItem, "依法行政的要点")).StatusCode);
            await x.PostOkAsync($"/api/v1/me/exams/{exam}/submit", new { }, HttpStatusCode.OK);
        }

        using var grader = await factory.Api().SignInAsync(cast.District.LiaisonA, ApiClient.StrongPassword);
        var mine = (await grader.GetJsonAsync("/api/v1/exams/grading/mine")).AsArray().Single()!;
        Assert.Equal(1, mine["pending"]!.GetValue<int>());
        var queue = (await grader.GetJsonAsync($"/api/v1/exams/{exam}/grading")).AsArray();
        var graded = await grader.Http.PutAsJsonAsync($"/api/v1/exams/{exam}/grading/{queue.Single()!["itemId"]!.GetValue<string>()}", new { score = 7 });
        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        Assert.Equal(0, (await grader.GetJsonAsync("/api/v1/exams/grading/mine")).AsArray().Single()!["pending"]!.GetValue<int>());
        // A grader names no graders; another unit's liaison, not named, has no grading.
        Assert.NotEqual(HttpStatusCode.OK, (await grader.Http.PutAsJsonAsync($"/api/v1/exams/{exam}/graders", new { graders = new[] { liaison } })).StatusCode);
        using var notNamed = await factory.Api().SignInAsync(cast.District.LiaisonB, ApiClient.StrongPassword);
        Assert.Empty((await notNamed.GetJsonAsync("/api/v1/exams/grading/mine")).AsArray());
        Assert.NotEqual(HttpStatusCode.OK, (await notNamed.Http.GetAsync($"/api/v1/exams/{exam}/grading")).StatusCode);
        Assert.NotEqual(other, liaison);
    }

    [Fact]
    public async Task When_the_time_is_up_the_paper_is_submitted_and_the_proctor_can_extend_or_end()
    {
        var cast = await factory.CreateExamCastAsync("题时");
        var exam = await cast.Office.CreateExamAsync("限时考试", [new { type = "single", count = 3, score = 2 }], minutes: 20);
        var assigned = await cast.Office.AssignAsync(exam, cast.PeopleA.Take(3));
        var clock = new ShiftingClock();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var clients = new List<ApiClient>();
        foreach (var e in assigned)
        {
            clients.Add(await factory.ExamineeAsync(e!["accessCode"]!.GetValue<string>(), new WebApplicationFactoryClient(new ApiClient(host.CreateClient()))));
        }
        var items = new List<string>();
        foreach (var c in clients)
        {
            items.Add((await c.GetJsonAsync($"/api/v1/me/exams/{exam}/paper"))["items"]![0]!["id"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.NoContent, (await clients[0].AnswerAsync(exam, items[0], "A")).StatusCode);

        // The proctor gives the second examinee ten more minutes and ends the third one's paper.
        var second = assigned[1]!["examineeId"]!.GetValue<string>();
        var extended = await cast.Office.Http.PostAsJsonAsync($"/api/v1/exams/{exam}/examinees/{second}/extend", new { minutes = 10 });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var ended = await cast.Office.Http.PostAsync($"/api/v1/exams/{exam}/examinees/{assigned[2]!["examineeId"]!.GetValue<string>()}/end", null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clients[2].AnswerAsync(exam, items[2], "A")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(21));
        var late = await clients[0].AnswerAsync(exam, items[0], "B");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var mine = (await clients[0].GetJsonAsync("/api/v1/me/exams")).AsArray().Single()!;
        Assert.Equal("submitted", mine["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await clients[1].AnswerAsync(exam, items[1], "B")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Conflict, (await clients[1].AnswerAsync(exam, items[1], "C")).StatusCode);
        var rows = (await cast.Office.GetJsonAsync($"/api/v1/exams/{exam}/examinees"))["items"]!.AsArray();
        Assert.All(rows, r => Assert.Equal("submitted", r!["status"]!.GetValue<string>()));
        Assert.Contains(rows, r => r!["submittedHow"]!.GetValue<string>() == "proctor");
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task Examinees_are_drawn_per_unit_and_category_reproducibly_from_the_seed_and_a_redraw_needs_a_reason()
    {
        var cast = await factory.CreateExamCastAsync("题抽", peoplePerUnit: 4);
        var exam = await cast.Office.CreateExamAsync("抽考", [new { type = "truefalse", count = 3, score = 1 }]);
        var draw = new { draw = new { categories = new[] { "enforcement_officer" }, perUnit = 2, seed = 20261201L } };
        var first = await cast.Office.PostOkAsync($"/api/v1/exams/{exam}/examinees", draw, HttpStatusCode.OK);
        var people = first["examinees"]!.AsArray().Select(e => e!["personId"]!.GetValue<string>()).ToList();
        Assert.Equal(4, people.Count);
        Assert.Equal(2, people.Count(p => cast.PeopleA.Contains(Guid.Parse(p))));
        Assert.Equal(20261201L, first["seed"]!.GetValue<long>());
        var refused = await cast.Office.Http.PostAsJsonAsync($"/api/v1/exams/{exam}/examinees", draw);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await cast.Office.PostOkAsync($"/api/v1/exams/{exam}/examinees",
            new { draw = draw.draw, reason = "核对种子可复现" }, HttpStatusCode.OK);
        Assert.Equal(people, again["examinees"]!.AsArray().Select(e => e!["personId"]!.GetValue<string>()));
        Assert.Contains(await factory.AuditAsync("考试 抽考 抽取考生"), a => a.Detail!.Contains("20261201", StringComparison.Ordinal)
            && a.Detail.Contains("核对种子可复现", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_examinees_an_examinee_only_their_exam_and_administrators_nothing()
    {
        var cast = await factory.CreateExamCastAsync("题隔");
        var exam = await cast.Office.CreateExamAsync("隔离考试", [new { type = "truefalse", count = 2, score = 1 }]);
        var other = await cast.Office.CreateExamAsync("另一考试", [new { type = "truefalse", count = 2, score = 1 }]);
        var assigned = await cast.Office.AssignAsync(exam, [cast.PeopleA[0], cast.PeopleB[0]]);
        using var liaisonA = await factory.Api().SignInAsync(cast.District.LiaisonA, ApiClient.StrongPassword);
        var rows = (await liaisonA.GetJsonAsync($"/api/v1/exams/{exam}/examinees"))["items"]!.AsArray();
        Assert.Equal([cast.PeopleA[0].ToString()], rows.Select(r => r!["personId"]!.GetValue<string>()));
        Assert.Null(rows[0]!["accessCode"]);
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonA.Http.GetAsync($"/api/v1/exams/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaisonA.Http.PostAsJsonAsync($"/api/v1/exams/{exam}/examinees", new { personIds = new[] { cast.PeopleA[1] } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaisonA.Http.GetAsync($"/api/v1/exams/{exam}/statistics")).StatusCode);

        using var admin = await factory.Api().SignInAsAdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/exams/{exam}")).StatusCode);
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/exams/questions"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/exams/people"))["total"]!.GetValue<int>());

        using var x = await factory.ExamineeAsync(assigned[0]!["accessCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await x.Http.GetAsync($"/api/v1/me/exams/{other}/paper")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await x.Http.GetAsync($"/api/v1/exams/{exam}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await liaisonA.Http.GetAsync($"/api/v1/me/exams/{exam}/paper")).StatusCode);
        var bad = await factory.Api().Http.PostAsJsonAsync("/api/v1/exams/access", new { code = "WRONG123" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // Closing the exam ends the codes.
        Assert.Equal(HttpStatusCode.OK, (await cast.Office.Http.PostAsync($"/api/v1/exams/{exam}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await x.Http.GetAsync($"/api/v1/me/exams/{exam}/paper")).StatusCode);
        var closed = await factory.Api().Http.PostAsJsonAsync("/api/v1/exams/access", new { code = assigned[0]!["accessCode"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
    }

    [Fact]
    public async Task Enforcement_officers_below_forty_hours_are_shown_and_the_rosters_and_ledger_export_with_the_mark()
    {
        var cast = await factory.CreateExamCastAsync("题时数", peoplePerUnit: 2);
        var course = ApiClient.Id(await cast.Office.PostOkAsync("/api/v1/exams/training/events", new { date = "2026-03-01", hours = 32, topic = "行政执法培训", kind = "course" }));
        var online = ApiClient.Id(await cast.Office.PostOkAsync("/api/v1/exams/training/events", new { date = "2026-06-01", hours = 8, topic = "网络学法", kind = "online" }));
        var names = await cast.Office.GetJsonAsync($"/api/v1/exams/people?unitId={cast.District.UnitA}");
        var unitName = names["items"]![0]!["unitName"]!.GetValue<string>();
        var both = names["items"]!.AsArray().Select(p => new Dictionary<string, object?> { ["单位"] = unitName, ["姓名"] = p!["name"]!.GetValue<string>() }).ToList();
        Assert.Equal(HttpStatusCode.OK, (await cast.Office.Http.PostAsync($"/api/v1/exams/training/events/{course}/attendance", ExamApi.File(ExamApi.Workbook(both), "a.xlsx"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.Office.Http.PostAsync($"/api/v1/exams/training/events/{online}/attendance",
            ExamApi.File(ExamApi.Workbook([both[0]]), "b.xlsx"))).StatusCode);
        var badRows = await cast.Office.Http.PostAsync($"/api/v1/exams/training/events/{online}/attendance",
            ExamApi.File(ExamApi.Workbook([new() { ["单位"] = unitName, ["姓名"] = "查无此人" }]), "c.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, badRows.StatusCode);

        var compliance = await cast.Office.GetJsonAsync($"/api/v1/exams/training/compliance?year=2026&unitId={cast.District.UnitA}");
        var people = compliance["people"]!.AsArray();
        Assert.Equal([40m, 32m], people.Select(p => p!["hours"]!.GetValue<decimal>()).OrderDescending());
        Assert.Equal([true, false], people.OrderByDescending(p => p!["hours"]!.GetValue<decimal>()).Select(p => p!["meets"]!.GetValue<bool>()));
        Assert.Equal(1, compliance["units"]![0]!["meeting"]!.GetValue<int>());

        var export = await cast.Office.Http.GetAsync("/api/v1/exams/training/compliance.xlsx?year=2026");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rosters = await cast.Office.Http.GetAsync("/api/v1/exams/people/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, rosters.StatusCode);
        using var stream = new MemoryStream(await rosters.Content.ReadAsByteArrayAsync());
        Assert.Contains("行政执法人员名单", MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        Assert.NotEmpty(await factory.AuditAsync("考试人员名单（全区）"));
    }

    [Fact]
    public async Task The_excel_template_downloads_for_the_office_only_and_its_example_rows_import_cleanly()
    {
        var cast = await factory.CreateExamCastAsync("题模");
        var response = await cast.Office.Http.GetAsync("/api/v1/exams/questions/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var template = await response.Content.ReadAsByteArrayAsync();
        var preview = await cast.Office.Http.PostAsync("/api/v1/exams/questions/import?preview=true", ExamApi.File(template, "试题导入模板.xlsx"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var items = JsonNode.Parse(await preview.Content.ReadAsStringAsync())!["preview"]!.AsArray();
        Assert.Equal(["single", "multiple", "truefalse", "blank", "short"], items.Select(i => i!["type"]!.GetValue<string>()));
        using var liaisonA = await factory.Api().SignInAsync(cast.District.LiaisonA, ApiClient.StrongPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaisonA.Http.GetAsync("/api/v1/exams/questions/template.xlsx")).StatusCode);
    }
}

public sealed class ExamsOnSqlite(SqliteFactory f) : ExamScenarios(f), IClassFixture<SqliteFactory>;
public sealed class ExamsOnPostgres(PostgresFactory f) : ExamScenarios(f), IClassFixture<PostgresFactory>;
