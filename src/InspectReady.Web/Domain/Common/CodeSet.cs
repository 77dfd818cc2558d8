namespace InspectReady.Web.Domain.Common;

/// <summary>
/// The English codes of one state or kind, each with its Chinese label. Codes are what the database stores and
/// the API returns (beside the label); labels are what pages show. <see cref="Parse"/> accepts the code, and the
/// label too, so inputs written before the codes (query strings, bodies, imported sheets) still work.
/// </summary>
public sealed class CodeSet
{
    private readonly (string Code, string Label)[] pairs;

    public CodeSet(params (string Code, string Label)[] pairs)
    {
        this.pairs = pairs;
        Codes = [.. pairs.Select(p => p.Code)];
        Labels = [.. pairs.Select(p => p.Label)];
        Options = [.. pairs.Select(p => new CodeOption(p.Code, p.Label))];
    }

    /// <summary>Code and label pairs for a select box (value = code, text = label).</summary>
    public IReadOnlyList<CodeOption> Options { get; }

    public IReadOnlyList<string> Codes { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The Chinese label of a code; an unknown value is shown as it is.</summary>
    public string Label(string? code)
    {
        foreach (var (c, l) in pairs)
        {
            if (c == code)
            {
                return l;
            }
        }
        return code ?? "";
    }

    /// <summary>The code named by an input: the code itself (any case) or its Chinese label; null when it names none.</summary>
    public string? Parse(string? input)
    {
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        foreach (var (c, l) in pairs)
        {
            if (string.Equals(c, value, StringComparison.OrdinalIgnoreCase) || l == value)
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>"draft（草稿）、…" for error messages that list what is allowed.</summary>
    public string Describe() => string.Join("、", pairs.Select(p => $"{p.Code}（{p.Label}）"));
}

/// <summary>One code with its label, for select boxes.</summary>
public sealed record CodeOption(string Code, string Label);
