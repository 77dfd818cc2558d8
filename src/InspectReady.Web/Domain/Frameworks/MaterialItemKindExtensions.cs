using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Frameworks;

public static class MaterialItemKindExtensions
{
    /// <summary>The code the API returns for a kind (ADR 0036), e.g. <c>statement</c>, with its label beside it.</summary>
    public static readonly CodeSet Codes = new(
        ("statement", "情况说明"), ("document_or_list", "文件或清单"), ("url", "网址"), ("case_list", "案例列表"),
        ("directory", "名录"), ("data_table", "数据表"), ("not_required", "不需提供"));

    private static readonly MaterialItemKind[] Order =
    [
        MaterialItemKind.Statement, MaterialItemKind.DocumentOrList, MaterialItemKind.Url, MaterialItemKind.CaseList,
        MaterialItemKind.Directory, MaterialItemKind.DataTable, MaterialItemKind.NotRequired,
    ];

    /// <summary>The English code of a kind, e.g. <c>case_list</c> for <see cref="MaterialItemKind.CaseList"/>.</summary>
    public static string Code(this MaterialItemKind kind)
    {
        var i = Array.IndexOf(Order, kind);
        return i < 0 ? throw new ArgumentOutOfRangeException(nameof(kind), kind, null) : Codes.Codes[i];
    }

    /// <summary>The label shown to users, e.g. 情况说明 for <see cref="MaterialItemKind.Statement"/>.</summary>
    public static string ChineseLabel(this MaterialItemKind kind) => Codes.Label(kind.Code());

    /// <summary>The kind an input names: its code or its Chinese label; null when it names none.</summary>
    public static MaterialItemKind? ParseKind(string? input) => Codes.Parse(input) is { } code ? Order[Codes.Codes.ToList().IndexOf(code)] : null;
}
