using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Domain.Campaigns;
using InspectReady.Web.Domain.Filing;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.FunctionalTests.Scenarios.Operations;

/// <summary>Child hosts of the operations scenarios run one at a time (each is a whole server on 2 shared cores).</summary>
[CollectionDefinition(Name)]
public sealed class ChildHosts
{
    public const string Name = "child hosts";
}

/// <summary>A child host with the demo data loaded (seed-demo), and the filing a scenario works on.</summary>
internal static class DemoHost
{
    public static async Task<HostProcess> SeededAsync(string provider)
    {
        var host = new HostProcess(provider);
        await host.CreateDatabaseAsync();
        var (code, output, error) = await host.RunAsync("seed-demo");
        Assert.True(code == 0, $"seed-demo exited with {code}: {output} {error}");
        return host;
    }

    /// <summary>A lead task in 草稿 and the user name of its unit's liaison.</summary>
    public static async Task<(Guid Task, string Liaison)> DraftTaskAsync(HostProcess host)
    {
        await using var db = host.Db();
        var task = await db.Tasks.AsNoTracking().Where(t => t.Status == FilingStatus.Draft && t.IsLead && !t.Removed)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.UnitId }).FirstAsync();
        var liaison = await db.Users.AsNoTracking().Where(u => u.UnitId == task.UnitId && u.UserName!.EndsWith("-lly")).Select(u => u.UserName!).FirstAsync();
        return (task.Id, liaison);
    }

    public static async Task<int> VersionAsync(HttpClient http, Guid task)
    {
        var detail = JsonNode.Parse(await http.GetStringAsync($"/api/v1/tasks/{task}"))!;
        return detail["version"]!.GetValue<int>();
    }

    public static async Task SaveDraftAsync(HttpClient http, Guid task, string statement)
    {
        var response = await http.PutAsJsonAsync($"/api/v1/tasks/{task}/draft", new { statement, version = await VersionAsync(http, task) });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"draft: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A small PDF of its own content; returns the attachment's SHA-256.</summary>
    public static async Task<string> UploadAsync(HttpClient http, Guid task, string text)
    {
        var bytes = Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "演练附件.pdf");
        var response = await http.PostAsync($"/api/v1/tasks/{task}/files", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Path → SHA-256 of every file under the data directory's file store.</summary>
    public static SortedDictionary<string, string> FileHashes(string dataRoot)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(dataRoot, "files");
        if (!Directory.Exists(folder))
        {
            return result;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(path);
            result[Path.GetRelativePath(dataRoot, path).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return result;
    }
}
