using System.Diagnostics;
using InspectReady.Web.Infrastructure.Hosting;

namespace InspectReady.Web.Infrastructure.Documents;

/// <summary>.docx → .pdf through LibreOffice (headless), when it is installed; CJK glyphs need fonts-noto-cjk.</summary>
public sealed class PdfConverter(DataRoot root, ILogger<PdfConverter> log)
{
    public const string NotInstalled = "服务器未安装 LibreOffice（libreoffice-writer-nogui 和 fonts-noto-cjk），无法生成 PDF；请下载 Word 版本，或请管理员安装后重试";

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static string? Soffice =>
        new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public static bool Available => Soffice is not null;

    /// <summary>Converts; returns the PDF path (in a temp folder the caller deletes), or null when LibreOffice is missing.</summary>
    public async Task<string?> ConvertAsync(string docxPath, CancellationToken ct)
    {
        if (Soffice is not { } soffice)
        {
            return null;
        }
        var outDir = Path.Combine(root.Folder("tmp"), "pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        // LibreOffice allows one instance per profile; a private profile per conversion avoids clashes with any user.
        var profile = "file://" + Path.Combine(outDir, "profile");
        await OneAtATime.WaitAsync(ct);
        try
        {
            var start = new ProcessStartInfo(soffice)
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
                ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docxPath },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("LibreOffice did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var pdf = Path.Combine(outDir, Path.GetFileNameWithoutExtension(docxPath) + ".pdf");
            if (!File.Exists(pdf))
            {
                log.LogError("LibreOffice produced no PDF: {Error}", await process.StandardError.ReadToEndAsync(ct));
                throw new InvalidOperationException("PDF 转换失败");
            }
            return pdf;
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
