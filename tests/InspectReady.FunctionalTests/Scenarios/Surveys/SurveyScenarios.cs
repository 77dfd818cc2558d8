using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InspectReady.FunctionalTests.Infrastructure.SurveyApi;

namespace InspectReady.FunctionalTests.Scenarios.Surveys;

/// <summary>The "Done when" of issue 13 over HTTP: the contract, quotas, invitations, the device limit, follow-ups, index and rates, coding, privacy.</summary>
public abstract class SurveyScenarios(AppFactory factory)
{
    private async Task<(ReviewCast Cast, ApiClient Office)> CastAsync(string prefix)
    {
        var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync(prefix);
        return (cast, await factory.SignInAsync(cast.Office));
    }

    [Fact]
    public async Task Survey_is_created_published_answered_anonymously_and_scored_as_the_contract_says()
    {
        var (_, office) = await CastAsync("sv1");
        var created = await office.Http.PostAsJsonAsync("/api/v1/surveys", new
        {
            title = "最小调查",
            questions = new object[] { new { type = "scale5", text = "是否满意？", topic = "government_services" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = ApiClient.Id((await created.Content.ReadFromJsonAsync<JsonObject>())!);

        using var anonymous = factory.Device();
        var draft = await office.GetJsonAsync($"/api/v1/surveys/{id}");
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        var published = await office.PostOkAsync($"/api/v1/surveys/{id}/publish", new { }, HttpStatusCode.OK);
        var token = published["publicToken"]!.GetValue<string>();

        var page = await anonymous.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("最小调查", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/s/unknown-token")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await anonymous.RespondAsync(token, [A(0, "很满意")])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token, [A(0, "一般")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Device().RespondAsync("no-such-survey", [A(0, "一般")])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Device().RespondAsync(token, [A(0, "还行")])).StatusCode);

        var results = await office.GetJsonAsync($"/api/v1/surveys/{id}/results");
        Assert.Equal(2, results["responses"]!.GetValue<int>());
        var topic = results["topics"]!.AsArray().Single()!;
        Assert.Equal("government_services", topic["topic"]!.GetValue<string>());
        Assert.Equal(80, topic["index"]!.GetValue<double>());

        await office.PostOkAsync($"/api/v1/surveys/{id}/close", new { }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Device().GetAsync($"/s/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Device().RespondAsync(token, [A(0, "一般")])).StatusCode);
    }

    [Fact]
    public async Task Survey_draft_is_edited_whole_and_a_published_one_keeps_its_questions()
    {
        var (_, office) = await CastAsync("sved");
        var created = await office.Http.PostAsJsonAsync("/api/v1/surveys", new
        {
            title = "草稿调查",
            questions = new object[] { new { type = "scale5", text = "是否满意？", topic = "government_services" } },
        });
        var id = ApiClient.Id((await created.Content.ReadFromJsonAsync<JsonObject>())!);
        var edited = await office.Http.PutAsJsonAsync($"/api/v1/surveys/{id}", new
        {
            title = "改过的调查",
            questions = new object[]
            {
                new { type = "scale5", text = "是否满意？", topic = "approval" },
                new { type = "text", text = "为什么不满意？", topic = "approval", showIf = new { question = 0, values = new[] { "不满意" } } },
            },
            groups = new[] { "企业" },
            quotas = new[] { new { group = "企业", area = (string?)null, target = 5 } },
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var survey = await office.GetJsonAsync($"/api/v1/surveys/{id}");
        Assert.Equal("改过的调查", survey["title"]!.GetValue<string>());
        Assert.Equal(2, survey["questions"]!.AsArray().Count);
        Assert.Equal(0, survey["questions"]![1]!["showIf"]!["question"]!.GetValue<int>());

        var invalid = await office.Http.PutAsJsonAsync($"/api/v1/surveys/{id}", new { title = "", questions = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("title", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await office.PostOkAsync($"/api/v1/surveys/{id}/publish", new { }, HttpStatusCode.OK);
        var late = await office.Http.PutAsJsonAsync($"/api/v1/surveys/{id}", new
        {
            title = "发布后再改",
            questions = new object[] { new { type = "text", text = "意见", topic = "approval" } },
        });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(2, (await office.GetJsonAsync($"/api/v1/surveys/{id}"))["questions"]!.AsArray().Count);
        var weights = await office.Http.PutAsJsonAsync($"/api/v1/surveys/{id}/weights", new { questionWeights = new double?[] { 2, null } });
        Assert.Equal(HttpStatusCode.OK, weights.StatusCode);
    }

    [Fact]
    public async Task Survey_index_and_the_four_rates_follow_the_weights()
    {
        var (_, office) = await CastAsync("sv2");
        var (id, token) = await office.PublishedSurveyAsync("权重调查");
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token, [A(0, "很满意"), A(1, 7), A(2, "知晓"), A(3, "满意")])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token,
            [A(0, "不满意"), A(1, 10), A(2, "不知晓"), A(3, "很不满意"), A(4, "窗口排队太久")])).StatusCode);

        var results = await office.GetJsonAsync($"/api/v1/surveys/{id}/results");
        double Index(string topic) => results["topics"]!.AsArray().Single(t => t!["topic"]!.GetValue<string>() == topic)!["index"]!.GetValue<double>();
        double? Rate(string topic) => results["rates"]!.AsArray().Single(t => t!["topic"]!.GetValue<string>() == topic)!["rate"]?.GetValue<double>();
        // (2×100 + 70 + 2×40 + 100) / 6
        Assert.Equal(75, Index("law_enforcement"));
        Assert.Equal(50, Index("satisfaction"));
        Assert.Equal(50, Rate("awareness"));
        Assert.Null(Rate("support"));
        // positive weight 2 + 1 (行政执法) + 1 (满意) of 6 + 2
        Assert.Equal(50, Rate("satisfaction"));

        var reweighted = await office.Http.PutAsJsonAsync($"/api/v1/surveys/{id}/weights", new { questionWeights = new double?[] { 1, 3 } });
        Assert.Equal(HttpStatusCode.OK, reweighted.StatusCode);
        results = await office.GetJsonAsync($"/api/v1/surveys/{id}/results");
        // (100 + 3×70 + 40 + 3×100) / 8
        Assert.Equal(81.25, Index("law_enforcement"));
    }

    [Fact]
    public async Task Survey_overall_index_weighs_the_topics_as_the_office_sets_them()
    {
        var (_, office) = await CastAsync("svtw");
        var id = ApiClient.Id(await office.PostOkAsync("/api/v1/surveys", new
        {
            title = "主题权重",
            questions = new object[]
            {
                new { type = "scale5", text = "审批是否满意？", topic = "approval" },
                new { type = "scale5", text = "治安是否满意？", topic = "public_security" },
                new { type = "single", text = "是否知晓？", topic = "awareness", options = new[] { "知晓", "不知晓" }, scores = new[] { 100, 0 } },
            },
            topicWeights = new Dictionary<string, double> { ["approval"] = 3 },
        }));
        var token = (await office.PostOkAsync($"/api/v1/surveys/{id}/publish", new { }, HttpStatusCode.OK))["publicToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token, [A(0, "很满意"), A(1, "一般"), A(2, "不知晓")])).StatusCode);

        // (3×100 + 1×60) / 4; the rate (知晓率 0) weighs nothing in the overall index.
        Assert.Equal(90, (await office.GetJsonAsync($"/api/v1/surveys/{id}/results"))["overall"]!.GetValue<double>());
        var reweighted = await office.Http.PutAsJsonAsync($"/api/v1/surveys/{id}/weights",
            new { topicWeights = new Dictionary<string, double> { ["approval"] = 1, ["public_security"] = 3 } });
        Assert.Equal(HttpStatusCode.OK, reweighted.StatusCode);
        // (100 + 3×60) / 4
        Assert.Equal(70, (await office.GetJsonAsync($"/api/v1/surveys/{id}/results"))["overall"]!.GetValue<double>());
    }

    [Fact]
    public async Task Survey_quota_that_is_full_closes_its_cell_politely()
    {
        var (_, office) = await CastAsync("sv3");
        var (id, _) = await office.PublishedSurveyAsync("配额调查", new[] { new { group = "企业", area = "东街道", target = 1 } });
        var link = await office.PostOkAsync($"/api/v1/surveys/{id}/links", new { group = "企业", area = "东街道" });
        var token = link["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token, [A(3, "满意")])).StatusCode);

        var second = await factory.Device().RespondAsync(token, [A(3, "满意")]);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("满额", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("survey-full", await (await factory.Device().GetAsync($"/s/{token}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another cell of the same survey still takes answers.
        var main = (await office.GetJsonAsync($"/api/v1/surveys/{id}"))["publicToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(main, [A(3, "满意")], group: "群众", area: "东街道")).StatusCode);

        var quota = (await office.GetJsonAsync($"/api/v1/surveys/{id}/results"))["quotas"]!.AsArray().Single()!;
        Assert.Equal(1, quota["responses"]!.GetValue<int>());
        Assert.True(quota["full"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Survey_quota_and_invitations_hold_when_many_answer_at_the_same_moment()
    {
        var (_, office) = await CastAsync("sv3c");
        var (id, token) = await office.PublishedSurveyAsync("并发配额调查", new[] { new { group = "企业", area = "东街道", target = 5 } });
        var link = (await office.PostOkAsync($"/api/v1/surveys/{id}/links", new { group = "企业", area = "东街道" }))["token"]!.GetValue<string>();
        var devices = Enumerable.Range(0, 30).Select(_ => factory.Device()).ToList();
        var answered = await Task.WhenAll(devices.Select(d => d.RespondAsync(link, [A(3, "满意")])));
        Assert.Equal(5, answered.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(25, answered.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        var code = (await office.PostOkAsync($"/api/v1/surveys/{id}/invitations", new { count = 1, group = "群众" }))["codes"]![0]!.GetValue<string>();
        var spent = await Task.WhenAll(devices.Take(10).Select(d => d.RespondAsync(token, [A(3, "一般")], invitation: code)));
        Assert.Equal(1, spent.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, spent.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        var results = await office.GetJsonAsync($"/api/v1/surveys/{id}/results");
        Assert.Equal(6, results["responses"]!.GetValue<int>());
        Assert.Equal(5, results["quotas"]!.AsArray().Single()!["responses"]!.GetValue<int>());
        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Survey_invitation_takes_one_response_and_a_device_one_per_survey()
    {
        var (_, office) = await CastAsync("sv4");
        var (id, token) = await office.PublishedSurveyAsync("邀请调查");
        var codes = (await office.PostOkAsync($"/api/v1/surveys/{id}/invitations", new { count = 2, group = "企业" }))["codes"]!.AsArray();
        var code = codes[0]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token, [A(3, "满意")], invitation: code)).StatusCode);
        var again = await factory.Device().RespondAsync(token, [A(3, "一般")], invitation: code);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Device().RespondAsync(token, [A(3, "一般")], invitation: "NOSUCHCODE")).StatusCode);

        using var device = factory.Device();
        Assert.Equal(HttpStatusCode.Created, (await device.RespondAsync(token, [A(3, "满意")])).StatusCode);
        var twice = await device.RespondAsync(token, [A(3, "满意")]);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("survey-answered", await (await device.GetAsync($"/s/{token}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var results = await office.GetJsonAsync($"/api/v1/surveys/{id}/results");
        Assert.Equal(2, results["responses"]!.GetValue<int>());
        Assert.Equal(1, (await office.GetJsonAsync($"/api/v1/surveys/{id}"))["invitationsUsed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Survey_follow_up_is_answered_only_after_an_unsatisfied_answer()
    {
        var (_, office) = await CastAsync("sv5");
        var (_, token) = await office.PublishedSurveyAsync("追问调查");
        var hidden = await factory.Device().RespondAsync(token, [A(3, "满意"), A(4, "不该出现")]);
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Contains("第5题仅在第4题选择", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token, [A(3, "不满意"), A(4, "办事难")])).StatusCode);
        var required = await factory.Device().RespondAsync(token, [A(0, "满意")]);
        Assert.Equal(HttpStatusCode.BadRequest, required.StatusCode);
        Assert.Contains("必答", await required.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Survey_anonymous_response_stores_no_address_no_time_and_no_user_agent()
    {
        var (_, office) = await CastAsync("sv6");
        var (id, token) = await office.PublishedSurveyAsync("隐私调查");
        using var device = factory.Device();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/surveys/{token}/responses")
        {
            Content = JsonContent.Create(new { answers = new[] { A(3, "满意") } }),
        };
        request.Headers.Add(HardenedHost.ClientHeader, "203.0.113.77");
        request.Headers.UserAgent.ParseAdd("PrivacyProbe/1.0");
        Assert.Equal(HttpStatusCode.Created, (await device.SendAsync(request)).StatusCode);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"SurveyResponses\"";
        var cells = new List<string>();
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                columns.Add(reader.GetName(i));
            }
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }
        Assert.Equal(["Answers", "Area", "Channel", "Day", "Group", "Id", "SurveyId"], columns.Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(cells, c => c.Contains("203.0.113.77", StringComparison.Ordinal) || c.Contains("PrivacyProbe", StringComparison.Ordinal)
            || c.Contains("127.0.0.1", StringComparison.Ordinal));
        // The day only: no time of day in any cell.
        Assert.DoesNotContain(cells, c => System.Text.RegularExpressions.Regex.IsMatch(c, @"\d{2}:\d{2}:\d{2}") && !c.EndsWith("00:00:00", StringComparison.Ordinal));
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task Survey_comment_is_coded_into_the_rectification_list_of_the_responsible_unit()
    {
        var (cast, office) = await CastAsync("sv7");
        var (id, token) = await office.PublishedSurveyAsync("整改调查");
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().RespondAsync(token, [A(3, "很不满意"), A(4, "执法人员态度差")], area: "东街道")).StatusCode);
        var comment = (await office.GetJsonAsync($"/api/v1/surveys/{id}/comments"))["items"]!.AsArray().Single()!;
        Assert.Equal("执法人员态度差", comment["text"]!.GetValue<string>());

        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var item = await office.PostOkAsync($"/api/v1/surveys/{id}/rectifications", new
        {
            responseId = comment["responseId"]!.GetValue<string>(), questionIndex = 4, unitId = cast.District.UnitA, deadline,
            problem = "规范执法人员文明用语",
        });
        Assert.Equal("open", item["state"]!.GetValue<string>());
        Assert.Equal("待整改", item["stateLabel"]!.GetValue<string>());
        Assert.Equal("执法人员态度差", item["comment"]!.GetValue<string>());
        Assert.Equal("东街道", item["area"]!.GetValue<string>());

        var unitA = await factory.SignInAsync(cast.District.LiaisonA);
        var unitB = await factory.SignInAsync(cast.District.LiaisonB);
        Assert.Single((await unitA.GetJsonAsync("/api/v1/surveys/rectifications"))["items"]!.AsArray());
        Assert.Empty((await unitB.GetJsonAsync("/api/v1/surveys/rectifications"))["items"]!.AsArray());
        var itemId = ApiClient.Id(item);
        Assert.Equal(HttpStatusCode.NotFound, (await unitB.Http.PostAsJsonAsync($"/api/v1/surveys/rectifications/{itemId}/state", new { state = "done", response = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unitA.Http.GetAsync($"/api/v1/surveys/{id}/results")).StatusCode);

        var done = await unitA.Http.PostAsJsonAsync($"/api/v1/surveys/rectifications/{itemId}/state", new { state = "done", response = "已培训" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await unitA.Http.PostAsJsonAsync($"/api/v1/surveys/rectifications/{itemId}/state", new { state = "confirmed" })).StatusCode);
        var confirmed = await office.Http.PostAsJsonAsync($"/api/v1/surveys/rectifications/{itemId}/state", new { state = "confirmed" });
        Assert.Equal("confirmed", (await confirmed.Content.ReadFromJsonAsync<JsonObject>())!["state"]!.GetValue<string>());
        Assert.Equal(1, (await office.GetJsonAsync($"/api/v1/surveys/{id}/comments"))["items"]![0]!["coded"]!.GetValue<int>());

        var export = await office.Http.GetAsync($"/api/v1/surveys/{id}/results/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        Assert.Contains("说明", sheets);
        Assert.Contains("整改台账", sheets);
    }

    [Fact]
    public async Task Survey_belongs_to_its_region_office_and_to_nobody_else()
    {
        var (cast, office) = await CastAsync("sv8");
        var (id, _) = await office.PublishedSurveyAsync("区划调查");
        var admin = await factory.Api().SignInAsAdminAsync();
        var other = await admin.CreateReviewCastAsync("sv8b");
        var otherOffice = await factory.SignInAsync(other.Office);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.Http.GetAsync($"/api/v1/surveys/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/surveys/{id}")).StatusCode);
        Assert.Empty((await otherOffice.GetJsonAsync("/api/v1/surveys"))["items"]!.AsArray());
        var liaison = await factory.SignInAsync(cast.District.LiaisonA);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Http.PostAsJsonAsync("/api/v1/surveys", Body("单位不能建"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Device().GetAsync($"/api/v1/surveys/{id}/results")).StatusCode);
    }

    [Fact]
    public async Task Survey_telephone_mode_draws_a_call_list_and_records_each_outcome()
    {
        var (_, office) = await CastAsync("sv9");
        var (id, _) = await office.PublishedSurveyAsync("电话调查");
        var entries = Enumerable.Range(0, 10).Select(i => new { phone = $"1380000{i:0000}", group = "群众", area = "东街道" }).ToArray();
        var draw = await office.PostOkAsync($"/api/v1/surveys/{id}/calls/draw", new { entries, count = 4, seed = 7 }, HttpStatusCode.OK);
        Assert.Equal(4, draw["drawn"]!.GetValue<int>());
        var calls = (await office.GetJsonAsync($"/api/v1/surveys/{id}/calls"))["items"]!.AsArray();
        Assert.Equal(4, calls.Count);
        Assert.Contains("****", calls[0]!["phone"]!.GetValue<string>(), StringComparison.Ordinal);

        var first = calls[0]!["id"]!.GetValue<string>();
        var answered = await office.Http.PostAsJsonAsync($"/api/v1/surveys/{id}/calls/{first}", new { outcome = "answered", answers = new[] { A(3, "很满意") } });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.Http.PostAsJsonAsync($"/api/v1/surveys/{id}/calls/{first}", new { outcome = "refused" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.PostAsJsonAsync($"/api/v1/surveys/{id}/calls/{calls[1]!["id"]}", new { outcome = "refused" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.PostAsJsonAsync($"/api/v1/surveys/{id}/calls/{calls[2]!["id"]}", new { outcome = "unreachable" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.PostAsJsonAsync($"/api/v1/surveys/{id}/calls/{calls[3]!["id"]}", new { outcome = "maybe" })).StatusCode);

        var results = await office.GetJsonAsync($"/api/v1/surveys/{id}/results");
        Assert.Equal(1, results["responses"]!.GetValue<int>());
        Assert.Equal(1, results["byChannel"]!["telephone"]!.GetValue<int>());
        var counts = results["calls"]!;
        Assert.Equal((4, 1, 1, 1, 1), (counts["drawn"]!.GetValue<int>(), counts["answered"]!.GetValue<int>(), counts["refused"]!.GetValue<int>(),
            counts["unreachable"]!.GetValue<int>(), counts["pending"]!.GetValue<int>()));
        var phone = await office.GetJsonAsync($"/api/v1/surveys/{id}/calls/{first}/phone");
        Assert.StartsWith("1380000", phone["phone"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Survey_publicity_register_counts_activities_by_unit_and_street_against_the_plan()
    {
        var (cast, office) = await CastAsync("sv10");
        var unitA = await factory.SignInAsync(cast.District.LiaisonA);
        var unitB = await factory.SignInAsync(cast.District.LiaisonB);
        var plan = await office.Http.PutAsJsonAsync("/api/v1/publicity/plan", new
        {
            items = new object[] { new { unitId = cast.District.UnitA, target = 2 }, new { street = "东街道", target = 1 } },
        });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var activity = await unitA.PostOkAsync("/api/v1/publicity/activities", new
        {
            unitId = cast.District.UnitA, date = "2026-06-01", kind = "lecture", place = "东街道社区活动中心", street = "东街道", reach = 120,
        });
        Assert.Equal(HttpStatusCode.NotFound, (await unitB.Http.PostAsJsonAsync("/api/v1/publicity/activities", new
        {
            unitId = cast.District.UnitA, date = "2026-06-01", kind = "lecture", place = "冒名", reach = 1,
        })).StatusCode);
        Assert.Empty((await unitB.GetJsonAsync("/api/v1/publicity/activities"))["items"]!.AsArray());

        using var form = new MultipartFormDataContent();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        form.Add(new ByteArrayContent(png), "file", "现场.png");
        var photo = await unitA.Http.PostAsync($"/api/v1/publicity/activities/{activity["id"]}/photos", form);
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var url = (await photo.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unitB.Http.GetAsync(url)).StatusCode);

        var summary = await office.GetJsonAsync("/api/v1/publicity/summary");
        var a = summary["byUnit"]!.AsArray().Single(u => u!["unitId"]?.GetValue<string>() == cast.District.UnitA.ToString())!;
        Assert.Equal((1, 120, 2, false), (a["activities"]!.GetValue<int>(), a["reach"]!.GetValue<int>(), a["target"]!.GetValue<int>(), a["met"]!.GetValue<bool>()));
        var street = summary["byStreet"]!.AsArray().Single()!;
        Assert.True(street["met"]!.GetValue<bool>());
        var export = await office.Http.GetAsync("/api/v1/publicity/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }
}

/// <summary>The public endpoint's own rate limit, switched on in a host that lifts the sign-in limits.</summary>
public abstract class SurveyRateLimitScenarios(AppFactory factory)
{
    [Fact]
    public async Task Survey_public_responses_are_rate_limited_per_address()
    {
        var admin = await factory.Api().SignInAsAdminAsync();
        var cast = await admin.CreateReviewCastAsync("svrl");
        var office = await factory.SignInAsync(cast.Office);
        var (_, token) = await office.PublishedSurveyAsync("限流调查");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SurveyLimitedHost.Permits + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/surveys/{token}/responses")
            {
                Content = JsonContent.Create(new { answers = new[] { A(3, "满意") } }),
            };
            request.Headers.Add(HardenedHost.ClientHeader, "198.51.100.9");
            statuses.Add((await factory.Device().SendAsync(request)).StatusCode);
        }
        Assert.All(statuses.Take(SurveyLimitedHost.Permits), s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        using var other = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/surveys/{token}/responses")
        {
            Content = JsonContent.Create(new { answers = new[] { A(3, "满意") } }),
        };
        other.Headers.Add(HardenedHost.ClientHeader, "198.51.100.10");
        Assert.Equal(HttpStatusCode.Created, (await factory.Device().SendAsync(other)).StatusCode);
    }
}
