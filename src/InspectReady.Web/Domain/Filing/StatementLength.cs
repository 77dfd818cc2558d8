using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using System.Text;

namespace InspectReady.Web.Domain.Filing;

/// <summary>
/// 字数 of a 情况说明: Unicode code points (a character outside the BMP is one 字), punctuation included,
/// white space excluded. Normally at most 500, never more than 1000 (注意事项二).
/// </summary>
public static class StatementLength
{
    public const int Recommended = 500;
    public const int Maximum = 1000;

    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune))
            {
                count++;
            }
        }
        return count;
    }
}
