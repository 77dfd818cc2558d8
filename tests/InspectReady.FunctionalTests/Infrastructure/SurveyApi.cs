using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>Intent methods for the satisfaction survey, beside ApiClient so the shared file stays untouched.</summary>
public static class SurveyApi
{
    /// <summary>q0 scale5 行政执法 (weight 2), q1 rating10 行政执法, q2 知晓 single (100/0), q3 scale5 满意率 (required), q4 text follow-up of q3.</summary>
    public static object Body(string title, object? quotas = null) => new
    {
        title,
        questions = new object[]
        {
            new { type = "scale5", text = "您对行政执法是否满意？", topic = "law_enforcement", weight = 2 },
            new { type = "rating10", text = "请为行政执法打分", topic = "law_enforcement" },
            new { type = "single", text = "您是否知晓创建工作？", topic = "awareness", options = new[] { "知晓", "不知晓" }, scores = new[] { 100, 0 } },
            new { type = "scale5", text = "总体是否满意？", topic = "satisfaction", required = true },
            new { type = "text", text = "为什么不满意？", topic = "satisfaction", showIf = new { question = 3, values = new[] { "不满意", "很不满意" } } },
        },
        groups = new[] { "企业", "群众" },
        areas = new[] { "东街道", "服务大厅" },
        quotas = quotas ?? Array.Empty<object>(),
    };

    public static async Task<(Guid Id, string Token)> PublishedSurveyAsync(this ApiClient office, string title, object? quotas = null)
    {
        var id = ApiClient.Id(await office.PostOkAsync("/api/v1/surveys", Body(title, quotas)));
        var published = await office.PostOkAsync($"/api/v1/surveys/{id}/publish", new { }, HttpStatusCode.OK);
        return (id, published["publicToken"]!.GetValue<string>());
    }

    public static object A(int questionIndex, object value) => new { questionIndex, value };

    public static Task<HttpResponseMessage> RespondAsync(this HttpClient anonymous, string token, object[] answers, string? invitation = null,
        string? group = null, string? area = null) =>
        anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{token}/responses", new { answers, invitation, group, area });

    /// <summary>A fresh anonymous client (no cookies from an earlier response): another device.</summary>
    public static HttpClient Device(this AppFactory factory) => factory.CreateClient();
}
