using InspectReady.Web.Features.Shared.Export;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using InspectReady.Web.Domain.Jobs;
using InspectReady.Web.Infrastructure.Documents;
using InspectReady.Web.Infrastructure.Files;
using InspectReady.Web.Infrastructure.Hosting;
using InspectReady.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Outputs;

public sealed record PackageParameters(Guid CampaignId, bool ApprovedOnly, Guid? UserId, string UserName, Guid? UnitId, List<string> Roles,
    Guid? RegionId = null);

/// <summary>
/// The inspection package: a ZIP foldered by the framework (一级/二级/三级, then the unit), each folder with the
/// 情况说明, the lists, the links and the attachments under their original names, plus index.xlsx. Entries are
/// streamed one by one into the archive on disk, so memory stays flat whatever the size.
/// </summary>
public sealed class PackageJob(IDbContextFactory<AppDbContext> factory, FileStore files, DataRoot root, ExportMark mark, CjkFonts fonts) : IJobHandler
{
    public const string JobKind = "package";

    public string Kind => JobKind;

    public async Task<JobResult> RunAsync(Job job, IProgress<(int Percent, string Message)> progress, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<PackageParameters>(job.Parameters) ?? throw new JobFailedException("参数缺失");
        var actor = new UserScope(p.UserId, p.UserName, p.UnitId, p.Roles.ToHashSet(), null, p.RegionId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var snapshot = await CampaignSnapshot.LoadAsync(db, actor, p.CampaignId, ct) ?? throw new JobFailedException("创建活动不存在");
        var included = snapshot.Tasks.Where(t => p.ApprovedOnly ? t.Status == FilingStatus.Approved : t.Status is FilingStatus.Submitted or FilingStatus.Approved).ToList();
        var totalBytes = Math.Max(1, included.Sum(t => t.Attachments.Sum(a => a.Size)));
        long doneBytes = 0;
        var stamp = mark.Stamp(actor);

        var relative = Path.Combine("packages", $"{job.Id:N}.zip");
        var path = root.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var index = new List<Dictionary<string, object?>>();
        // Written beside its final name and moved there only when complete and flushed to disk: a crash mid-way
        // leaves a .part file (taken over by the rerun, or removed as an orphan), never a truncated package.
        var partial = path + ".part";
        await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: false, Encoding.UTF8))
        {
            await WriteTextAsync(zip, "说明.txt", $"{stamp.Line}\r\n{snapshot.Campaign.Name} 迎检材料包\r\n按指标体系分级存放：一级指标/二级指标/三级指标/责任单位。\r\n", ct);
            foreach (var (l1, l2, indicator) in snapshot.Outline())
            {
                var no = indicator.No!.Value;
                var folder = $"{l1.Order:00}-{Safe(l1.Text, 40)}/{l2.Order:00}-{Safe(l2.Text, 40)}/{no:000}-{Safe(indicator.Text, 30)}";
                var tasks = included.Where(t => t.IndicatorNos.Contains(no)).ToList();
                var carried = tasks.Where(t => t.IndicatorNos[0] == no).ToList();
                if (tasks.Count > 0 && carried.Count == 0)
                {
                    // A group's filing is stored once, in the folder of its first indicator.
                    var first = tasks[0].IndicatorNos[0];
                    await WriteTextAsync(zip, $"{folder}/合并提供说明.txt", $"本项与{Domain.Filing.IndicatorLabel.Of(tasks[0].IndicatorNos)}指标合并提供材料，见第{first}项文件夹。\r\n", ct);
                    index.Add(Row(folder + "/合并提供说明.txt", no, "", "", 0, ""));
                    continue;
                }
                foreach (var task in carried.OrderByDescending(t => t.IsLead).ThenBy(snapshot.UnitName, StringComparer.Ordinal))
                {
                    var unitFolder = $"{folder}/{Safe(snapshot.UnitName(task), 40)}{(task.IsLead ? "（牵头）" : "（配合）")}";
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    string Unique(string name)
                    {
                        var candidate = Safe(name, 120);
                        for (var k = 2; !names.Add(candidate); k++)
                        {
                            candidate = $"{Path.GetFileNameWithoutExtension(Safe(name, 110))} ({k}){Path.GetExtension(name)}";
                        }
                        return candidate;
                    }
                    var statementName = Unique("情况说明.docx");
                    var statementEntry = zip.CreateEntry($"{unitFolder}/{statementName}", CompressionLevel.Optimal);
                    await using (var es = await statementEntry.OpenAsync(ct))
                    await using (var buffer = new FileStream(Path.Combine(root.Folder("tmp"), Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose))
                    {
                        using (var doc = OfficialDocument.Create(buffer, fonts, stamp.Line))
                        {
                            doc.Title($"{Domain.Filing.IndicatorLabel.Of(task.IndicatorNos)}指标情况说明");
                            doc.Note($"{snapshot.UnitName(task)}（{(task.IsLead ? "牵头" : "配合")}）");
                            doc.Paragraph(task.NotApplicable ? $"不涉及本部门职责。{task.NotApplicableReason}" : task.Statement ?? "（未填写情况说明）");
                        }
                        buffer.Position = 0;
                        await buffer.CopyToAsync(es, ct);
                    }
                    index.Add(Row($"{unitFolder}/{statementName}", no, snapshot.UnitName(task), FilingStatus.Label(task.Status), 0, ""));
                    if (task.Links.Count > 0)
                    {
                        var linksName = Unique("公开网址.txt");
                        await WriteTextAsync(zip, $"{unitFolder}/{linksName}", string.Join("\r\n", task.Links) + "\r\n", ct);
                        index.Add(Row($"{unitFolder}/{linksName}", no, snapshot.UnitName(task), FilingStatus.Label(task.Status), 0, ""));
                    }
                    foreach (var (item, rows) in task.Lists.Where(l => l.Value.Count > 0))
                    {
                        var listName = Unique($"清单-第{item}项.xlsx");
                        var entry = zip.CreateEntry($"{unitFolder}/{listName}", CompressionLevel.Optimal);
                        await using var es = await entry.OpenAsync(ct);
                        await using var buffer = new FileStream(Path.Combine(root.Folder("tmp"), Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
                        await Exports.WriteWorkbookAsync(buffer, ExportWorkbook.Of(new ExportedFile(listName, listName),
                            ($"第{item}项清单", rows.Select(r => r.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)).ToList())), stamp, ct);
                        buffer.Position = 0;
                        await buffer.CopyToAsync(es, ct);
                        index.Add(Row($"{unitFolder}/{listName}", no, snapshot.UnitName(task), FilingStatus.Label(task.Status), buffer.Length, ""));
                    }
                    foreach (var attachment in task.Attachments.OrderBy(a => a.UploadedAt))
                    {
                        var name = Unique(attachment.FileName);
                        // Attachments are mostly PDFs and images, already compressed: stored as they are.
                        var entry = zip.CreateEntry($"{unitFolder}/{name}", CompressionLevel.NoCompression);
                        entry.LastWriteTime = attachment.UploadedAt;
                        await using (var es = await entry.OpenAsync(ct))
                        await using (var source = files.OpenRead(attachment.Sha256))
                        {
                            var buffer = new byte[1 << 20];
                            int read;
                            while ((read = await source.ReadAsync(buffer, ct)) > 0)
                            {
                                await es.WriteAsync(buffer.AsMemory(0, read), ct);
                                doneBytes += read;
                                progress.Report(((int)(95 * doneBytes / totalBytes), $"正在打包 {name}"));
                            }
                        }
                        index.Add(Row($"{unitFolder}/{name}", no, snapshot.UnitName(task), FilingStatus.Label(task.Status), attachment.Size, attachment.Sha256));
                    }
                }
            }
            var indexEntry = zip.CreateEntry("index.xlsx", CompressionLevel.Optimal);
            await using (var es = await indexEntry.OpenAsync(ct))
            await using (var buffer = new FileStream(Path.Combine(root.Folder("tmp"), Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose))
            {
                await Exports.WriteWorkbookAsync(buffer, ExportWorkbook.Of(new ExportedFile("index.xlsx", "迎检材料包 目录"), ("目录", index)), stamp, ct);
                buffer.Position = 0;
                await buffer.CopyToAsync(es, ct);
            }
        }
        await using (var written = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.Asynchronous))
        {
            written.Flush(flushToDisk: true);
        }
        File.Move(partial, path, overwrite: true);
        progress.Report((100, "已完成"));
        return new JobResult(relative, $"{Safe(snapshot.Campaign.Name, 60)}-迎检材料包.zip", new FileInfo(path).Length);
    }

    private static Dictionary<string, object?> Row(string path, int no, string unit, string status, long size, string sha) =>
        new() { ["路径"] = path, ["指标序号"] = no, ["责任单位"] = unit, ["状态"] = status, ["大小（字节）"] = size, ["SHA-256"] = sha };

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var es = await entry.OpenAsync(ct);
        await es.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }

    /// <summary>A folder or file name without characters that file systems refuse, shortened to a readable length.</summary>
    public static string Safe(string name, int max)
    {
        var invalid = new HashSet<char>(Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']));
        var cleaned = new string([.. name.Where(c => !invalid.Contains(c) && !char.IsControl(c))]).Trim().TrimEnd('.', '。');
        return cleaned.Length <= max ? cleaned : cleaned[..max] + "…";
    }
}
