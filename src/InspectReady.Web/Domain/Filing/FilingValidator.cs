using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using System.Globalization;
using InspectReady.Web.Domain.Frameworks;
using InspectReady.Web.Domain.Organisation;

namespace InspectReady.Web.Domain.Filing;

/// <summary>A broken rule of the document, named so that the unit knows what to fix and where.</summary>
public sealed record RuleViolation(string Rule, string Message, int? Item = null, int? Row = null, string? Field = null);

/// <summary>What a filing must satisfy before it leaves the unit (the document's 注意事项 and the checklist).</summary>
public static class FilingValidator
{
    public const string StatementLimit = "情况说明字数";
    public const string CountLimit = "数量限制";
    public const string DateWindow = "时间范围";
    public const string Contact = "联系方式";
    public const string MissingItem = "缺少材料";
    public const string InvalidLink = "网址";
    public const string Declaration = "不涉及说明";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    public static IReadOnlyList<RuleViolation> Validate(FilingTask task, IReadOnlyList<MaterialItem> checklist, DateOnly cutoff)
    {
        var errors = new List<RuleViolation>();
        if (task.NotApplicable)
        {
            if (string.IsNullOrWhiteSpace(task.NotApplicableReason))
            {
                errors.Add(new(Declaration, "声明“不涉及本部门职责”时须说明理由"));
            }
            return errors;
        }

        var length = StatementLength.Count(task.Statement);
        if (length > StatementLength.Maximum)
        {
            errors.Add(new(StatementLimit, $"情况说明为{length}字，超过最多{StatementLength.Maximum}字的规定，请精简"));
        }
        foreach (var (link, i) in task.Links.Select((l, i) => (l, i + 1)))
        {
            if (!IsLink(link))
            {
                errors.Add(new(InvalidLink, $"第{i}个网址“{link}”不是有效的 http(s) 网址", Row: i, Field: "links"));
            }
        }

        foreach (var item in checklist)
        {
            switch (item.Kind)
            {
                case MaterialItemKind.NotRequired:
                    continue;
                case MaterialItemKind.Statement when length == 0:
                    errors.Add(new(MissingItem, $"第{item.Index}项要求提供情况说明，尚未填写", item.Index, Field: "statement"));
                    break;
                case MaterialItemKind.Url when task.Links.Count == 0:
                    errors.Add(new(MissingItem, $"第{item.Index}项要求提供公开网址，尚未填写", item.Index, Field: "links"));
                    break;
                case MaterialItemKind.DocumentOrList:
                    CheckDocuments(task, checklist, item, errors);
                    break;
                case MaterialItemKind.CaseList or MaterialItemKind.Directory or MaterialItemKind.DataTable:
                    CheckList(task, item, cutoff, errors);
                    break;
            }
            if (item.RequiredFields.Contains(RequiredField.Url) && item.Kind != MaterialItemKind.Url && task.Links.Count == 0)
            {
                errors.Add(new(MissingItem, $"第{item.Index}项要求注明公开网址，尚未填写", item.Index, Field: "links"));
            }
        }
        return errors;
    }

    /// <summary>Over 500 字 is allowed but discouraged ("一般不超过500字").</summary>
    public static IReadOnlyList<string> Warnings(FilingTask task)
    {
        var length = StatementLength.Count(task.Statement);
        return length > StatementLength.Recommended && length <= StatementLength.Maximum
            ? [$"情况说明为{length}字，一般不超过{StatementLength.Recommended}字"]
            : [];
    }

    public static bool IsLink(string link) =>
        Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal);

    private static void CheckDocuments(FilingTask task, IReadOnlyList<MaterialItem> checklist, MaterialItem item, List<RuleViolation> errors)
    {
        var files = task.Attachments.Count(a => a.ItemIndex == item.Index || (a.ItemIndex is null && checklist.Count(c => c.Kind == MaterialItemKind.DocumentOrList) == 1));
        if (files == 0)
        {
            errors.Add(new(MissingItem, $"第{item.Index}项要求上传文件或清单，尚未上传", item.Index, Field: "files"));
        }
        else if (item.Count is { } rule && Breaks(rule, files) is { } message)
        {
            errors.Add(new(CountLimit, $"第{item.Index}项{message}（已上传{files}{rule.Unit}）", item.Index, Field: "files"));
        }
    }

    private static void CheckList(FilingTask task, MaterialItem item, DateOnly cutoff, List<RuleViolation> errors)
    {
        var rows = task.Lists.GetValueOrDefault(item.Index) ?? [];
        if (rows.Count == 0)
        {
            errors.Add(new(MissingItem, $"第{item.Index}项要求填写{item.Kind.ChineseLabel()}，尚未填写", item.Index, Field: "lists"));
            return;
        }
        if (item.Count is { } rule && Breaks(rule, rows.Count) is { } message)
        {
            errors.Add(new(CountLimit, $"第{item.Index}项{message}（已填{rows.Count}{rule.Unit}）", item.Index, Field: "lists"));
        }
        var (from, to) = MaterialWindow.Of(item, cutoff);
        var columns = ListTemplates.For(item) ?? [];
        foreach (var (row, number) in rows.Select((r, i) => (r, i + 1)))
        {
            foreach (var column in columns.Where(c => string.IsNullOrWhiteSpace(row.GetValueOrDefault(c))))
            {
                errors.Add(new(MissingItem, $"第{item.Index}项第{number}行“{column}”未填写", item.Index, number, column));
            }
            foreach (var column in ListTemplates.DateColumns.Where(c => !string.IsNullOrWhiteSpace(row.GetValueOrDefault(c))))
            {
                var text = row[column].Trim();
                if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add(new(DateWindow, $"第{item.Index}项第{number}行“{column}”的“{text}”不是日期（如 2020-05-01）", item.Index, number, column));
                }
                else if ((from is { } f && date < f) || (to is { } t && date > t))
                {
                    errors.Add(new(DateWindow, $"第{item.Index}项第{number}行“{column}”为{date:yyyy-MM-dd}，不在{from:yyyy-MM-dd}至{to:yyyy-MM-dd}之间", item.Index, number, column));
                }
            }
            if (row.GetValueOrDefault(ListTemplates.ContactColumn) is { Length: > 0 } contact
                && !PhoneNumbers.IsMobile(contact) && !PhoneNumbers.IsLandline(contact))
            {
                errors.Add(new(Contact, $"第{item.Index}项第{number}行联系方式“{contact}”不是有效的手机号或固定电话", item.Index, number, ListTemplates.ContactColumn));
            }
        }
    }

    private static string? Breaks(CountRule rule, int count) => rule.Relation switch
    {
        CountRelation.AtMost when count > rule.Count => $"规定不超过{rule.Count}{rule.Unit}",
        CountRelation.Exactly when count != rule.Count => $"规定须为{rule.Count}{rule.Unit}",
        CountRelation.AnyOf when count != rule.Count => $"规定任选{rule.Count}{rule.Unit}",
        _ => null,
    };
}
