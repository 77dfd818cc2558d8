using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InspectReady.Web.Domain.Exams;
using MiniExcelLibs;

namespace InspectReady.Web.Features.Exams.ExamResults;

/// <summary>The offline option: an examinee's own paper and answer sheet as .docx, and the results workbook.</summary>
public static class ExamDocuments
{
    public static void WritePaper(Stream output, Exam exam, Examinee x, string? unitName, string mark)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        body.Append(Para(mark, size: 18));
        body.Append(Para(exam.Name, bold: true, size: 36, center: true));
        body.Append(Para($"姓名：{x.PersonName}    单位：{unitName}    准考码：{x.AccessCode}    时长：{exam.DurationMinutes}分钟    满分：{Grading.Format(exam.MaxScore)}分", center: true));
        foreach (var section in x.Items.OrderBy(i => i.Position).GroupBy(i => i.Type))
        {
            body.Append(Para($"{QuestionTypes.Label(section.Key)}（每题{Grading.Format(section.First().Score)}分）", bold: true, size: 28));
            foreach (var i in section)
            {
                body.Append(Para($"{i.Position}、{i.Content.Stem}"));
                foreach (var o in i.Content.Options)
                {
                    body.Append(Para($"    {o.Key}．{o.Text}"));
                }
                if (i.Type is QuestionTypes.Short or QuestionTypes.Essay)
                {
                    for (var k = 0; k < (i.Type == QuestionTypes.Essay ? 8 : 4); k++)
                    {
                        body.Append(Para(""));
                    }
                }
            }
        }
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        body.Append(Para($"答题卡　{exam.Name}　{x.PersonName}　准考码 {x.AccessCode}", bold: true, size: 28, center: true));
        foreach (var i in x.Items.OrderBy(i => i.Position).Where(i => QuestionTypes.IsObjective(i.Type)))
        {
            var hint = i.Type switch
            {
                QuestionTypes.Single or QuestionTypes.Multiple => string.Join("  ", i.Content.Options.Select(o => $"[{o.Key}]")),
                QuestionTypes.TrueFalse => "[对]  [错]",
                _ => string.Join("  ", Enumerable.Range(1, i.Content.Blanks.Count).Select(n => $"({n})________")),
            };
            body.Append(Para($"{i.Position}．{hint}"));
        }
        body.Append(Para("简答、论述题答在试卷上。"));
        main.Document.Save();
    }

    private static Paragraph Para(string text, bool bold = false, int size = 24, bool center = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "宋体", HighAnsi = "宋体" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }
        return p;
    }

    public static Task WriteResultsAsync(Stream output, ExamResultsDto r, ExamStatisticsDto? stats, List<Dictionary<string, object?>> markSheet)
    {
        var sheets = new Dictionary<string, object>
        {
            ["考生成绩"] = r.Rows.Count == 0 ? [new Dictionary<string, object?> { ["单位"] = null }] : r.Rows.Select(x => new Dictionary<string, object?>
            {
                ["单位"] = x.UnitName, ["姓名"] = x.PersonName, ["人员类别"] = x.CategoryLabel, ["状态"] = x.StatusLabel, ["客观题得分"] = x.ObjectiveScore,
                ["主观题得分"] = x.SubjectiveScore, ["总分"] = x.TotalScore, ["是否合格"] = x.TotalScore is null ? "—" : x.TotalScore >= r.PassScore ? "合格" : "不合格",
                ["离开页面次数"] = x.LeaveCount, ["粘贴次数"] = x.PasteCount,
            }).ToList(),
            ["单位汇总"] = Groups(r.Units, "单位"),
            ["类别汇总"] = Groups(r.Categories, "人员类别"),
        };
        if (stats is not null)
        {
            sheets["试题分析"] = stats.Items.Count == 0 ? [new Dictionary<string, object?> { ["题干"] = null }] : stats.Items.Select(i => new Dictionary<string, object?>
            {
                ["题型"] = i.TypeLabel, ["来源"] = i.SourceLabel, ["题干"] = i.Stem, ["作答人数"] = i.Examinees, ["难度系数（得分率）"] = i.Facility,
                ["区分度"] = i.Discrimination,
            }).ToList();
            sheets["信度"] = new List<Dictionary<string, object?>> { new() { ["试卷数"] = stats.Papers, ["Cronbach α"] = stats.Alpha, ["KR-20"] = stats.Kr20 } };
        }
        sheets["说明"] = markSheet;
        return MiniExcel.SaveAsAsync(output, sheets);
    }

    private static List<Dictionary<string, object?>> Groups(IReadOnlyList<GroupResultDto> groups, string label) => groups.Count == 0
        ? [new Dictionary<string, object?> { [label] = null }]
        : [.. groups.Select(g => new Dictionary<string, object?>
        {
            [label] = g.Label, ["考生"] = g.Examinees, ["已交卷"] = g.Submitted, ["平均分"] = g.Average, ["合格人数"] = g.Passed,
            ["合格率"] = g.PassRate is null ? null : Math.Round(g.PassRate.Value * 100, 1) + "%",
        })];
}
