namespace InspectReady.Web.Domain.Frameworks;

/// 数字: counts in materials requests are written "5", "５" or "五"
internal static class ChineseNumber
{
    /// <summary>Reads 0–999 written in ASCII or full-width digits, or in Chinese numerals (三, 十五, 二十, 一百).</summary>
    public static int Parse(string value)
    {
        if (value.All(c => char.IsAsciiDigit(c) || c is >= '０' and <= '９'))
        {
            return value.Aggregate(0, (n, c) => (n * 10) + (int)char.GetNumericValue(c));
        }

        var total = 0;
        var digit = 0;
        foreach (var c in value)
        {
            switch (c)
            {
                case '十':
                    total += (digit == 0 ? 1 : digit) * 10;
                    digit = 0;
                    break;
                case '百':
                    total += (digit == 0 ? 1 : digit) * 100;
                    digit = 0;
                    break;
                default:
                    digit = Digit(c);
                    break;
            }
        }

        return total + digit;
    }

    private static int Digit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => throw new FormatException($"'{c}' is not a Chinese numeral."),
    };
}
