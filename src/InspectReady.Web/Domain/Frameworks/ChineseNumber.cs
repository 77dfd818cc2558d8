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

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings never pass 99).</summary>
    public static string Format(int value)
    {
        const string digits = "〇一二三四五六七八九";
        if (value is < 1 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "1–99");
        }
        if (value < 10)
        {
            return digits[value].ToString();
        }
        var tens = value / 10;
        var ones = value % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
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
