using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Domain.Calendar;

/// <summary>
/// A year's arrangement imported or edited by an administrator, kept as the holiday-cn JSON it was checked
/// as. It replaces the shipped file of the same year as a whole.
/// </summary>
public sealed class StoredHolidayYear
{
    public int Year { get; set; }

    /// <summary>holiday-cn JSON, valid by <see cref="HolidayYearParser"/> when written.</summary>
    public required string Json { get; set; }

    /// <summary>导入 or 编辑: how the latest version came in.</summary>
    public required string Source { get; set; }

    /// <summary>Changes on every write: the optimistic-concurrency token and part of the cache stamp.</summary>
    public Guid Revision { get; set; } = Guid.NewGuid();

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

public static class HolidayYearSource
{
    /// 内置
    public const string Shipped = "shipped";
    /// 导入
    public const string Imported = "imported";
    /// 编辑
    public const string Edited = "edited";

    public static readonly CodeSet Codes = new((Shipped, "内置"), (Imported, "导入"), (Edited, "编辑"));

    public static string Label(string? code) => Codes.Label(code);
}
