using System.Diagnostics;

namespace InspectReady.Web.Infrastructure.Documents;

/// <summary>
/// The official style asks for 仿宋 body text and 小标宋 titles; where those fonts are not installed (a Linux
/// server), the installed CJK fonts are named instead so that LibreOffice renders real glyphs, not boxes.
/// </summary>
public sealed class CjkFonts
{
    private static readonly string[] BodyPreferred = ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体"];
    private static readonly string[] TitlePreferred = ["方正小标宋简体", "小标宋", "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Serif CJK SC"];
    private static readonly string[] HeadingPreferred = ["黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Serif CJK SC"];

    public CjkFonts() : this(InstalledFamilies()) { }

    public CjkFonts(IReadOnlyCollection<string> installed)
    {
        Body = Pick(BodyPreferred, installed);
        Title = Pick(TitlePreferred, installed);
        Heading = Pick(HeadingPreferred, installed);
    }

    public string Body { get; }
    public string Title { get; }
    public string Heading { get; }

    /// <summary>The first preferred font that is installed; the official name when none is (the reader's Word has it).</summary>
    private static string Pick(string[] preferred, IReadOnlyCollection<string> installed) =>
        preferred.FirstOrDefault(f => installed.Contains(f)) ?? preferred[0];

    private static IReadOnlyCollection<string> InstalledFamilies()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return [];
            }
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
            return output.Split('\n').SelectMany(l => l.Split(',')).Select(f => f.Trim()).Where(f => f.Length > 0).ToHashSet();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }
}
