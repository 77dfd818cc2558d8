using System.Text;
using System.Text.Encodings.Web;
using InspectReady.Web.Domain.Surveys;

namespace InspectReady.Web.Features.Surveys.Respond;

/// <summary>
/// The public page of <c>/s/{token}</c>: plain server-rendered HTML for a phone, one local stylesheet and one local
/// script (follow-up questions and the submission), nothing from another host, no inline script (the app's CSP).
/// </summary>
public static class PublicSurveyPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(string token, PublicSurveyDto survey, bool answered)
    {
        var b = new StringBuilder();
        Head(b, survey.Title);
        b.Append("<main class=\"sv\"><h1>").Append(E(survey.Title)).Append("</h1>");
        if (survey.Full)
        {
            b.Append("<p class=\"sv-note\" data-testid=\"survey-full\">").Append(E(PublicResponseHandler.QuotaFullMessage)).Append("</p>");
        }
        else if (answered)
        {
            b.Append("<p class=\"sv-note\" data-testid=\"survey-answered\">本设备已提交过该调查的答卷，感谢您的参与！</p>");
        }
        else
        {
            b.Append("<p class=\"sv-intro\">本调查匿名进行，不记录您的姓名、电话、地址和提交时间。</p>");
            b.Append("<form id=\"sv-form\" data-token=\"").Append(E(token)).Append("\" novalidate>");
            if (survey.Group is null && survey.Groups.Count > 0)
            {
                Select(b, "group", "您的身份", survey.Groups);
            }
            if (survey.Area is null && survey.Areas.Count > 0)
            {
                Select(b, "area", "您所在的区域", survey.Areas);
            }
            foreach (var q in survey.Questions)
            {
                Question(b, q);
            }
            b.Append("<div class=\"sv-field\"><label for=\"sv-invitation\">邀请码（如有）</label><input id=\"sv-invitation\" name=\"invitation\" autocomplete=\"off\"></div>");
            b.Append("<p id=\"sv-error\" class=\"sv-error\" role=\"alert\" data-testid=\"survey-error\"></p>");
            b.Append("<button type=\"submit\" data-testid=\"survey-submit\">提交</button></form>");
            b.Append("<p id=\"sv-done\" class=\"sv-note\" hidden data-testid=\"survey-done\">提交成功，感谢您的参与！</p>");
        }
        b.Append("</main></body></html>");
        return b.ToString();
    }

    public static string NotFound()
    {
        var b = new StringBuilder();
        Head(b, "调查不存在或已结束");
        b.Append("<main class=\"sv\"><h1>调查不存在或已结束</h1><p class=\"sv-note\">请确认链接是否完整，或联系发布调查的单位。</p></main></body></html>");
        return b.ToString();
    }

    private static void Head(StringBuilder b, string title) =>
        b.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(E(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/css/survey-public.css\">")
            .Append("<script src=\"/js/survey-public.js\" defer></script></head><body>");

    private static void Select(StringBuilder b, string name, string label, IEnumerable<string> options)
    {
        b.Append("<div class=\"sv-field\"><label for=\"sv-").Append(name).Append("\">").Append(E(label)).Append("</label><select id=\"sv-")
            .Append(name).Append("\" name=\"").Append(name).Append("\"><option value=\"\">请选择</option>");
        foreach (var o in options)
        {
            b.Append("<option>").Append(E(o)).Append("</option>");
        }
        b.Append("</select></div>");
    }

    private static void Question(StringBuilder b, PublicQuestionDto q)
    {
        b.Append("<fieldset class=\"sv-q\" data-index=\"").Append(q.Index).Append("\" data-type=\"").Append(q.Type).Append('"');
        if (q.ShowIf is { } c)
        {
            b.Append(" data-show-if=\"").Append(c.Question).Append("\" data-show-values=\"").Append(E(System.Text.Json.JsonSerializer.Serialize(c.Values))).Append("\" hidden");
        }
        b.Append(" data-testid=\"q-").Append(q.Index).Append("\"><legend>").Append(q.Index + 1).Append(". ").Append(E(q.Text));
        if (q.Required)
        {
            b.Append("<span class=\"sv-req\">*</span>");
        }
        b.Append("</legend>");
        var name = $"q{q.Index}";
        switch (q.Type)
        {
            case QuestionTypes.SingleChoice or QuestionTypes.Scale5:
                Choices(b, name, "radio", q.Options);
                break;
            case QuestionTypes.MultipleChoice:
                Choices(b, name, "checkbox", q.Options);
                break;
            case QuestionTypes.Matrix5:
                for (var r = 0; r < (q.Rows?.Count ?? 0); r++)
                {
                    b.Append("<div class=\"sv-row\"><div class=\"sv-row-title\">").Append(E(q.Rows![r])).Append("</div>");
                    Choices(b, $"{name}r{r}", "radio", q.Options);
                    b.Append("</div>");
                }
                break;
            case QuestionTypes.Rating10:
                b.Append("<div class=\"sv-rating\">");
                for (var i = 0; i <= 10; i++)
                {
                    b.Append("<label><input type=\"radio\" name=\"").Append(name).Append("\" value=\"").Append(i).Append("\"><span>").Append(i).Append("</span></label>");
                }
                b.Append("</div>");
                break;
            default:
                b.Append("<textarea name=\"").Append(name).Append("\" rows=\"3\" maxlength=\"").Append(AnswerRules.MaxTextLength).Append("\"></textarea>");
                break;
        }
        b.Append("</fieldset>");
    }

    private static void Choices(StringBuilder b, string name, string type, IEnumerable<string> options)
    {
        b.Append("<div class=\"sv-options\">");
        foreach (var o in options)
        {
            b.Append("<label><input type=\"").Append(type).Append("\" name=\"").Append(name).Append("\" value=\"").Append(E(o)).Append("\"><span>")
                .Append(E(o)).Append("</span></label>");
        }
        b.Append("</div>");
    }

    private static string E(string text) => Html.Encode(text);
}
