using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Domain.Exams;
using InspectReady.Web.Infrastructure.Excel;

namespace InspectReady.Web.Features.Exams.ImportQuestions;

/// <summary>
/// Reads questions from the files trainers have: one Excel sheet with a header row (题型, 题干, 选项A … 选项H, 答案,
/// 解析, 来源, 条款, 难度, 标签 and common synonyms), or a Word document in the usual layout (section headings
/// 一、单项选择题, numbered stems 1、…（ ）, options A．, 答案：, 解析：). Each draft carries where it came from.
/// </summary>
public static partial class QuestionFiles
{
    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["题型"] = ["题型", "题目类型", "试题类型", "类型"],
        ["题干"] = ["题干", "题目", "试题内容", "试题", "题目内容", "内容"],
        ["答案"] = ["答案", "正确答案", "参考答案", "标准答案"],
        ["解析"] = ["解析", "答案解析", "试题解析", "说明"],
        ["来源"] = ["来源", "法律", "法律法规", "出处", "依据"],
        ["条款"] = ["条款", "条文", "法条", "条目"],
        ["版本"] = ["版本", "法律版本", "施行日期", "生效日期"],
        ["难度"] = ["难度", "难易程度", "难易度"],
        ["标签"] = ["标签", "知识点", "关键词"],
        ["采分点"] = ["采分点", "得分要点", "评分要点"],
    };

    public static List<(int Row, QuestionDraft Draft)> ReadExcel(Stream stream, List<ImportError> errors)
    {
        var names = ExcelSheets.SheetNames(stream);
        var fieldErrors = new List<FieldError>();
        var sheet = ExcelSheets.Read(stream, names[0], [], fieldErrors);
        errors.AddRange(fieldErrors.Select(e => new ImportError(e.Row, null, e.Column, e.Message)));
        string? Column(string field) => Synonyms[field].FirstOrDefault(sheet.Headers.Contains);
        foreach (var required in new[] { "题型", "题干", "答案" })
        {
            if (Column(required) is null)
            {
                errors.Add(new ImportError(1, null, required, $"工作表“{sheet.Sheet}”缺少列“{required}”（可用列名：{string.Join("、", Synonyms[required])}）"));
            }
        }
        if (errors.Count > 0)
        {
            return [];
        }
        string? Cell(IReadOnlyDictionary<string, string> cells, string field) => Column(field) is { } c ? cells.GetValueOrDefault(c) : null;
        var list = new List<(int, QuestionDraft)>();
        foreach (var (row, cells) in sheet.Rows)
        {
            var d = new QuestionDraft
            {
                Where = $"第{row}行",
                Type = Cell(cells, "题型"), Stem = Cell(cells, "题干") ?? "", Answer = Cell(cells, "答案") ?? "",
                Explanation = Cell(cells, "解析"), Source = Cell(cells, "来源"), Article = Cell(cells, "条款"), LawVersion = Cell(cells, "版本"),
                Difficulty = Cell(cells, "难度"), Tags = Cell(cells, "标签"), KeyPoints = Cell(cells, "采分点"),
            };
            for (var k = 'A'; k <= 'H'; k++)
            {
                var text = cells.GetValueOrDefault($"选项{k}") ?? cells.GetValueOrDefault(k.ToString());
                if (!string.IsNullOrWhiteSpace(text))
                {
                    d.Options.Add(new QuestionOption(k.ToString(), text.Trim()));
                }
            }
            list.Add((row, d));
        }
        return list;
    }

    /// <summary>The paragraphs of a .docx, in order, as plain text.</summary>
    public static List<string> DocxParagraphs(Stream stream)
    {
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart?.Document?.Body;
        return body is null ? [] : [.. body.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]+\s*[、.．]\s*(.+)$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^(\d+)\s*[、.．)）]\s*(.*)$")]
    private static partial Regex StemLine();

    [GeneratedRegex(@"(?:^|\s)([A-H])\s*[．.、:：]\s*")]
    private static partial Regex OptionMarker();

    [GeneratedRegex(@"^(答案|正确答案|参考答案|解析|答案解析|来源|出处|条款|法条|版本|难度|标签|采分点|评分要点)\s*[：:]\s*(.*)$")]
    private static partial Regex FieldLine();

    /// <summary>
    /// Items of the common Word layout. A section heading (一、单项选择题) sets the type of the items under it;
    /// 来源：宪法 on its own line before the first item of a section sets that section's default source.
    /// </summary>
    public static List<(int Item, QuestionDraft Draft)> ReadText(IReadOnlyList<string> paragraphs, List<ImportError> errors, string? defaultSource = null)
    {
        var list = new List<(int, QuestionDraft)>();
        string? sectionType = null;
        string? sectionName = null;
        var sectionSource = defaultSource;
        QuestionDraft? current = null;
        string? lastField = null;
        var lineNo = 0;
        foreach (var raw in paragraphs)
        {
            lineNo++;
            var line = raw.Replace('\u3000', ' ').Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (SectionLine().Match(line) is { Success: true } sm
                && (QuestionTypes.Parse(sm.Groups[1].Value.Trim()) is not null || sm.Groups[1].Value.TrimEnd().EndsWith('题')))
            {
                sectionType = QuestionTypes.Parse(sm.Groups[1].Value.Trim());
                sectionName = line;
                sectionSource = defaultSource;
                current = null;
                if (sectionType is null)
                {
                    errors.Add(new ImportError(null, list.Count + 1, null, $"第{lineNo}段“{line}”：无法识别的题型标题（应如“一、单项选择题”）"));
                }
                continue;
            }
            if (StemLine().Match(line) is { Success: true } qm)
            {
                current = new QuestionDraft
                {
                    Where = $"第{list.Count + 1}题（{sectionName ?? "无题型标题"}第{qm.Groups[1].Value}题）",
                    Type = sectionType ?? "", Source = sectionSource, Stem = qm.Groups[2].Value.Trim(),
                };
                if (sectionType is null)
                {
                    errors.Add(new ImportError(null, list.Count + 1, null, $"{current.Where}：题目之前没有题型标题（如“一、单项选择题”）"));
                }
                list.Add((list.Count + 1, current));
                lastField = "题干";
                continue;
            }
            if (FieldLine().Match(line) is { Success: true } fm)
            {
                var value = fm.Groups[2].Value.Trim();
                var field = fm.Groups[1].Value;
                if (current is null)
                {
                    if (field is "来源" or "出处")
                    {
                        sectionSource = value;
                    }
                    continue;
                }
                switch (field)
                {
                    case "答案" or "正确答案" or "参考答案": current.Answer = value; lastField = "答案"; break;
                    case "解析" or "答案解析": current.Explanation = value; lastField = "解析"; break;
                    case "来源" or "出处": current.Source = value; break;
                    case "条款" or "法条": current.Article = value; break;
                    case "版本": current.LawVersion = value; break;
                    case "难度": current.Difficulty = value; break;
                    case "标签": current.Tags = value; break;
                    default: current.KeyPoints = value; lastField = "采分点"; break;
                }
                continue;
            }
            if (current is null)
            {
                continue;
            }
            var markers = OptionMarker().Matches(line);
            if (markers.Count > 0 && markers[0].Index == 0 && QuestionTypes.HasOptions(current.Type ?? "") && lastField is "题干" or "选项")
            {
                for (var i = 0; i < markers.Count; i++)
                {
                    var start = markers[i].Index + markers[i].Length;
                    var end = i + 1 < markers.Count ? markers[i + 1].Index : line.Length;
                    current.Options.Add(new QuestionOption(markers[i].Groups[1].Value, line[start..end].Trim()));
                }
                lastField = "选项";
                continue;
            }
            // A continuation line belongs to what came before it.
            switch (lastField)
            {
                case "题干": current.Stem += line; break;
                case "答案": current.Answer += "\n" + line; break;
                case "解析": current.Explanation += line; break;
                case "采分点": current.KeyPoints += "；" + line; break;
                default: break;
            }
        }
        if (list.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(null, null, null, "文档中没有找到试题（应有“一、单项选择题”等题型标题和“1、”开头的题目）"));
        }
        return list;
    }
}
