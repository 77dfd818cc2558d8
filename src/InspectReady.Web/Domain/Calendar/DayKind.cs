namespace InspectReady.Web.Domain.Calendar;

/// 日历中一天的类型
public enum DayKind
{
    /// <summary>Monday–Friday with no notice entry.</summary>
    Workday,

    /// <summary>Saturday or Sunday with no notice entry.</summary>
    Weekend,

    /// <summary>A day off under a State Council notice (法定节假日或调休放假), weekday or weekend.</summary>
    Holiday,

    /// <summary>A weekend day turned into a working day by a notice (调休上班).</summary>
    AdjustedWorkday,
}
