using InspectReady.Web.Data;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Features.Shared.Access;
using InspectReady.Web.Domain.Access;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InspectReady.Web.Features.Exams.ImportQuestions;

/// <summary>
/// The Excel template of the question import: the header row the reader expects and one example row per type, with
/// a sheet explaining how each column is written (ADR 0117). Only the office imports, so only the office downloads it.
/// </summary>
public sealed class QuestionTemplate(IDbContextFactory<AppDbContext> factory)
{
    public const string FileName = "试题导入模板.xlsx";

    public static readonly string[] Columns =
        ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "选项G", "选项H", "答案", "解析", "来源", "条款", "版本", "难度", "标签", "采分点"];

    public async Task<Outcome<Func<Stream, Task>>> TemplateAsync(UserScope actor)
    {
        if (!ExamAccess.IsOffice(actor))
        {
            await using var db = await factory.CreateDbContextAsync();
            return await Visibility.ForbiddenAsync<Func<Stream, Task>>(db, actor, "试题导入模板");
        }
        return Outcome<Func<Stream, Task>>.Ok(WriteAsync);
    }

    public static Task WriteAsync(Stream stream)
    {
        Dictionary<string, object?> Row(string type, string stem, string[] options, string answer, string source, string? article, string difficulty,
            string? keyPoints = null)
        {
            var row = Columns.ToDictionary(c => c, _ => (object?)null);
            row["题型"] = type;
            row["题干"] = stem;
            for (var i = 0; i < options.Length; i++)
            {
                row[$"选项{(char)('A' + i)}"] = options[i];
            }
            row["答案"] = answer;
            row["来源"] = source;
            row["条款"] = article;
            row["难度"] = difficulty;
            row["采分点"] = keyPoints;
            return row;
        }
        var rows = new List<Dictionary<string, object?>>
        {
            Row("单选", "中华人民共和国的一切权力属于（ ）。", ["人民", "全国人民代表大会", "国务院", "中国共产党"], "A", "宪法", "第二条", "简单"),
            Row("多选", "行政处罚的种类包括（ ）。", ["警告、通报批评", "罚款、没收违法所得", "暂扣许可证件", "记过"], "ABC", "行政处罚法", "第九条", "中等"),
            Row("判断", "行政机关实施行政强制，应当依照法定的权限、范围、条件和程序。（ ）", [], "对", "行政强制法", null, "简单"),
            Row("填空", "行政处罚遵循____、____的原则。", [], "公正；公开", "行政处罚法", "第五条", "中等"),
            Row("简答", "简述行政许可的设定应当遵循哪些原则。", [], "遵循经济和社会发展规律；有利于发挥公民、法人或者其他组织的积极性", "行政许可法", null, "困难",
                "遵循经济和社会发展规律（5）；有利于发挥积极性（5）"),
        };
        var help = new List<Dictionary<string, object?>>
        {
            new() { ["列"] = "题型", ["写法"] = "单选、多选、判断、填空、简答、论述（或 single、multiple、truefalse、blank、short、essay）" },
            new() { ["列"] = "题干", ["写法"] = "也可写作“题目”“试题内容”；填空题的空用“____”或“（ ）”标出" },
            new() { ["列"] = "选项A…选项H", ["写法"] = "单选、多选题的选项，至少两项" },
            new() { ["列"] = "答案", ["写法"] = "也可写作“正确答案”；选择题写字母 ABD 或 A,B；判断题写 对/错 或 正确/错误；填空题多个空用“；”分隔，同一空的可接受答案用“|”分隔" },
            new() { ["列"] = "来源", ["写法"] = "宪法、民法典、行政许可法、行政处罚法、行政强制法、行政复议法、行政诉讼法、法治政府建设实施纲要（2021—2025年）" },
            new() { ["列"] = "条款、版本", ["写法"] = "可空；仅在确定时注明条款；版本为法律的版本或施行日期" },
            new() { ["列"] = "难度", ["写法"] = "简单、中等、困难，或 1–5；空为中等" },
            new() { ["列"] = "标签", ["写法"] = "用“、”或“，”分隔" },
            new() { ["列"] = "采分点", ["写法"] = "简答、论述题：要点（分值）；要点（分值）" },
            new() { ["列"] = "导入规则", ["写法"] = "先预览；任一行有误则全部不导入，并列出每一行的错误" },
        };
        return MiniExcel.SaveAsAsync(stream, new Dictionary<string, object> { ["试题"] = rows, ["填写说明"] = help });
    }
}
