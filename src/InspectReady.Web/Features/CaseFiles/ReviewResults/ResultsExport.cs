using InspectReady.Web.Domain.CaseFiles.Reviews;

namespace InspectReady.Web.Features.CaseFiles.ReviewResults;

/// <summary>The results as a workbook: one sheet by unit, one by file, one for the rectification list.</summary>
public static class ResultsExport
{
    public static IReadOnlyList<(string Name, object Rows)> Sheets(ReviewResultsDto results)
    {
        var units = results.Units.Select(u =>
        {
            var row = new Dictionary<string, object?>
            {
                ["单位"] = u.UnitName, ["登记案卷"] = u.Registered, ["抽查案卷"] = u.Sampled, ["已评查"] = u.Reviewed,
                ["平均得分"] = u.AverageScore,
            };
            foreach (var grade in ReviewGrades.All)
            {
                row[ReviewGrades.Label(grade)] = u.Grades.GetValueOrDefault(grade);
            }
            row["自动检查问题"] = u.FailedChecks;
            row["未销号整改事项"] = u.OpenRectifications;
            row["逾期整改事项"] = u.OverdueRectifications;
            return row;
        }).ToList();
        var files = results.Files.Select(f => new Dictionary<string, object?>
        {
            ["单位"] = f.UnitName, ["类别"] = f.KindLabel, ["案号"] = f.CaseNumber, ["案由"] = f.Cause, ["评查人数"] = f.Reviews,
            ["得分"] = f.Score, ["等次"] = f.GradeLabel, ["自动检查问题"] = string.Join("\n", f.FailedChecks),
        }).ToList();
        var items = results.Rectifications.Select(r => new Dictionary<string, object?>
        {
            ["单位"] = r.UnitName, ["案号"] = r.CaseNumber, ["来源"] = r.SourceLabel, ["问题"] = r.Problem, ["整改期限"] = r.Deadline,
            ["状态"] = r.Overdue ? $"{r.StatusLabel}（逾期）" : r.StatusLabel, ["整改情况"] = r.Response,
        }).ToList();
        return
        [
            ("单位汇总", units.Count > 0 ? units : [Empty("单位", "登记案卷")]),
            ("案卷得分", files.Count > 0 ? files : [Empty("单位", "案号")]),
            ("整改清单", items.Count > 0 ? items : [Empty("单位", "问题")]),
        ];
    }

    private static Dictionary<string, object?> Empty(params string[] columns) => columns.ToDictionary(c => c, _ => (object?)null);
}
