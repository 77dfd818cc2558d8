using InspectReady.Web.Domain.CaseFiles;

namespace InspectReady.UnitTests.CaseFiles;

internal static class CaseFileBuilder
{
    public static CaseFile Case(string kind, Action<CaseFile>? set = null)
    {
        var file = new CaseFile { Kind = kind, CaseNumber = "测试罚〔2021〕1号", Cause = "测试案由", CreatedBy = "test" };
        set?.Invoke(file);
        return file;
    }

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static List<CaseOfficer> Officers(params (string Name, string? Certificate)[] officers) =>
        [.. officers.Select((o, i) => new CaseOfficer { Position = i + 1, Name = o.Name, CertificateNumber = o.Certificate })];
}
