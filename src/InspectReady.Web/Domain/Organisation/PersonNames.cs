using System.Globalization;

namespace InspectReady.Web.Domain.Organisation;

public static class PersonNames
{
    /// <summary>张三丰 → 张**: enough to tell records apart in an audit trail, not enough to name the person.</summary>
    public static string Mask(string name)
    {
        var info = new StringInfo(name.Trim());
        return info.LengthInTextElements <= 1
            ? "*"
            : info.SubstringByTextElements(0, 1) + new string('*', Math.Min(info.LengthInTextElements - 1, 8));
    }
}
