using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;

namespace InspectReady.Web.Features.Shared;

/// <summary>The classification mark with who exported and when (Beijing time).</summary>
public sealed class ExportMark(IConfiguration configuration, TimeProvider clock)
{
    public string Mark => configuration["Exports:Mark"] is { Length: > 0 } m ? m : "内部资料 严禁外传";

    public string Now => ChinaTime.Minutes(clock.GetUtcNow());

    public string For(UserScope actor) => $"{Mark}  导出人：{actor.UserName}  导出时间：{Now}";

    /// <summary>The sheet every exported workbook carries.</summary>
    public List<Dictionary<string, object?>> Sheet(UserScope actor) =>
    [
        new() { ["项目"] = "密级", ["内容"] = Mark },
        new() { ["项目"] = "导出人", ["内容"] = actor.UserName },
        new() { ["项目"] = "导出时间", ["内容"] = Now },
    ];
}
