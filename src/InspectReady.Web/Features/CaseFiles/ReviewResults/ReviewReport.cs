using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InspectReady.Web.Domain.CaseFiles.Reviews;

namespace InspectReady.Web.Features.CaseFiles.ReviewResults;

/// <summary>案卷评查结果报告 as a .docx: overview, results by unit, faults found by the automatic checks, rectification list.</summary>
public static class ReviewReport
{
    public static void Write(ReviewResultsDto results, DateOnly today, string mark, Stream output)
    {
        // The package writer needs a readable, seekable stream; the download stream is write-only.
        using var buffer = new MemoryStream();
        Build(results, today, mark, buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void Build(ReviewResultsDto results, DateOnly today, string mark, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);

        body.Append(Paragraph("案卷评查结果报告", size: 36, bold: true, center: true));
        body.Append(Paragraph($"（{today:yyyy年M月d日}）", center: true));
        body.Append(Paragraph(mark, center: true));

        var reviewed = results.Files.Where(f => f.Score is not null).ToList();
        body.Append(Paragraph("一、总体情况", size: 30, bold: true));
        body.Append(Paragraph($"共{results.Units.Count}个单位登记案卷{results.Units.Sum(u => u.Registered)}件，随机抽查{results.Units.Sum(u => u.Sampled)}件，"
            + $"已评查{reviewed.Count}件"
            + (reviewed.Count == 0 ? "。" : $"，平均得分{decimal.Round(reviewed.Average(f => f.Score!.Value), 1)}分；其中"
                + string.Join("、", ReviewGrades.All.Select(g => $"{ReviewGrades.Label(g)}{reviewed.Count(f => f.Grade == g)}件")) + "。")
            + $"自动检查发现问题{results.Files.Sum(f => f.FailedChecks.Count)}处，整改事项{results.Rectifications.Count}项。"));

        body.Append(Paragraph("二、各单位评查结果", size: 30, bold: true));
        body.Append(Table(["单位", "登记", "抽查", "已评查", "平均得分", "自动检查问题", "未销号整改"],
            results.Units.Select(u => new[] { u.UnitName, $"{u.Registered}", $"{u.Sampled}", $"{u.Reviewed}", u.AverageScore?.ToString("0.0") ?? "—",
                $"{u.FailedChecks}", $"{u.OpenRectifications}" })));

        body.Append(Paragraph("三、抽查案卷得分及自动检查发现的问题", size: 30, bold: true));
        body.Append(Table(["单位", "类别", "案号", "得分", "等次", "自动检查问题"],
            results.Files.Select(f => new[] { f.UnitName, f.KindLabel, f.CaseNumber, f.Score?.ToString("0.0") ?? "未评查", f.GradeLabel ?? "—",
                f.FailedChecks.Count == 0 ? "无" : string.Join("；", f.FailedChecks) })));

        body.Append(Paragraph("四、整改清单", size: 30, bold: true));
        if (results.Rectifications.Count == 0)
        {
            body.Append(Paragraph("暂无整改事项。"));
        }
        else
        {
            body.Append(Table(["单位", "案号", "问题", "整改期限", "状态"],
                results.Rectifications.Select(r => new[] { r.UnitName ?? "", r.CaseNumber ?? "", r.Problem, r.Deadline, r.Overdue ? $"{r.StatusLabel}（逾期）" : r.StatusLabel })));
        }
        body.Append(new SectionProperties(new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440 }));
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, int size = 24, bool bold = false, bool center = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "SimSun", HighAnsi = "SimSun", EastAsia = "宋体" }, new FontSize { Val = $"{size}" });
        if (bold)
        {
            properties.Append(new Bold());
        }
        var paragraph = new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(headers, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }
        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Paragraph(c, size: 21, bold: bold))));
}
