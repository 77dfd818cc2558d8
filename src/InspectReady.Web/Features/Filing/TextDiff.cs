using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace InspectReady.Web.Features.Filing;

/// <summary>Line-by-line difference of two statements (DiffPlex): kind is 相同, 新增 or 删除.</summary>
internal static class TextDiff
{
    public static IEnumerable<(string Kind, string Text)> Lines(string before, string after)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, ignoreWhitespace: false);
        return model.Lines.Select(l => (l.Type switch
        {
            ChangeType.Inserted => "新增",
            ChangeType.Deleted => "删除",
            ChangeType.Modified => "修改",
            _ => "相同",
        }, l.Text));
    }
}
