using InspectReady.Web.Features.Surveys.Rectifications;
using MiniExcelLibs;

namespace InspectReady.Web.Features.Surveys.SurveyResults;

/// <summary>The results as a workbook: the mark, topics and rates, areas, groups, quotas and the rectification list.</summary>
public static class SurveyResultsExport
{
    public static void Write(SurveyResultsDto r, IReadOnlyList<SurveyRectificationDto> items, List<Dictionary<string, object?>> mark, Stream output)
    {
        var topics = r.Topics.Select(t => new Dictionary<string, object?>
        {
            ["主题"] = t.Label, ["代码"] = t.Topic, ["满意度指数"] = t.Index, ["正面回答比例(%)"] = t.Rate, ["有效回答数"] = t.Answers,
        }).ToList();
        topics.Add(new() { ["主题"] = "总体满意度指数", ["代码"] = "overall", ["满意度指数"] = r.Overall, ["正面回答比例(%)"] = null, ["有效回答数"] = r.Responses });
        var rates = r.Rates.Select(x => new Dictionary<string, object?> { ["指标"] = x.Label, ["代码"] = x.Topic, ["比例(%)"] = x.Rate, ["有效回答数"] = x.Answers }).ToList();
        List<Dictionary<string, object?>> Slices(IEnumerable<SliceDto> slices, string column) => [.. slices.Select(s =>
        {
            var row = new Dictionary<string, object?> { [column] = s.Name, ["答卷数"] = s.Responses, ["总体指数"] = s.Overall };
            foreach (var t in s.Topics)
            {
                row[t.Label] = t.Index;
            }
            foreach (var x in s.Rates)
            {
                row[x.Label] = x.Rate;
            }
            return row;
        })];
        var quotas = r.Quotas.Select(q => new Dictionary<string, object?>
        {
            ["群体"] = q.Group ?? "任意", ["区域"] = q.Area ?? "任意", ["配额"] = q.Target, ["已收答卷"] = q.Responses, ["是否已满"] = q.Full ? "已满" : "未满",
        }).ToList();
        var list = items.Select(i => new Dictionary<string, object?>
        {
            ["责任单位"] = i.UnitName, ["主题"] = i.TopicLabel, ["区域"] = i.Area, ["群众意见"] = i.Comment, ["问题"] = i.Problem,
            ["整改期限"] = i.Deadline, ["状态"] = i.Overdue ? $"{i.StateLabel}（逾期）" : i.StateLabel, ["整改情况"] = i.Response,
        }).ToList();
        MiniExcel.SaveAs(output, new Dictionary<string, object>
        {
            ["说明"] = mark,
            ["主题指数"] = topics,
            ["四率"] = rates.Count > 0 ? rates : [Empty("指标", "比例(%)")],
            ["按区域"] = Slices(r.ByArea, "区域") is { Count: > 0 } a ? a : [Empty("区域", "答卷数")],
            ["按群体"] = Slices(r.ByGroup, "群体") is { Count: > 0 } g ? g : [Empty("群体", "答卷数")],
            ["配额"] = quotas.Count > 0 ? quotas : [Empty("群体", "配额")],
            ["整改台账"] = list.Count > 0 ? list : [Empty("责任单位", "问题")],
        });
    }

    private static Dictionary<string, object?> Empty(params string[] columns) => columns.ToDictionary(c => c, _ => (object?)null);
}
