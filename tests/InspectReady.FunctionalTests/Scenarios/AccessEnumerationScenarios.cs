using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InspectReady.FunctionalTests.Infrastructure;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace InspectReady.FunctionalTests.Scenarios;

/// <summary>
/// The "Done when" of issue 9 (ADR 0018): every route of the OpenAPI document and every page route, called as
/// every seat that may not see unit X's data, answers without X's markers; every unsafe call by such a seat
/// answers 403 or 404 and changes nothing. All findings are reported at once.
/// </summary>
public abstract partial class AccessEnumerationScenarios(AppFactory factory)
{
    private static readonly string[] Unsafe = ["post", "put", "delete", "patch"];

    [Fact]
    public async Task The_world_carries_every_marker_where_its_owner_sees_it()
    {
        var w = await AccessWorld.ForAsync(factory);
        var seen = new StringBuilder();
        foreach (var (who, path) in new[]
        {
            (w.LiaisonX, $"/api/v1/tasks/{w.StatementTask}"), (w.LiaisonX, $"/api/v1/tasks/{w.StatementTask}/comments"),
            (w.LiaisonX, $"/api/v1/tasks/{w.ListTask}"), (w.Office, $"/api/v1/people?unitId={w.UnitX}&reveal=true"),
            (w.LiaisonX, $"/api/v1/case-files/{w.CaseFile}"), (w.Office, "/api/v1/case-files/rectifications"),
            (w.LiaisonX, $"/api/v1/supervision/notices/{w.Notice}"),
        })
        {
            seen.Append(await (await who.Http.GetAsync(path)).Content.ReadAsStringAsync());
        }
        var text = seen.ToString();
        Assert.All(w.Markers, m => Assert.Contains(m.Value, text, StringComparison.Ordinal));
        var phone = w.Markers.Single(m => m.Kind == MarkerKind.PersonPhone).Value;
        Assert.Contains(phone, await (await w.Office.Http.GetAsync("/api/v1/outbox?reveal=true")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty((await w.LiaisonX.GetJsonAsync("/api/v1/notifications?pageSize=500"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Every_api_route_as_every_seat_shows_no_marker_and_every_unsafe_call_is_refused_and_changes_nothing()
    {
        var w = await AccessWorld.ForAsync(factory);
        var document = JsonNode.Parse(await (await w.Office.Http.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var failures = new List<string>();
        var calls = new List<(string Method, string Template, string Path, JsonObject Operation)>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key != "parameters"))
            {
                foreach (var path in Expand(w, template, operation!.AsObject(), method, failures))
                {
                    calls.Add((method, template, path, operation.AsObject()));
                }
            }
        }
        Assert.True(calls.Count > 100, $"only {calls.Count} calls from the OpenAPI document");

        var beforeReads = await FingerprintAsync();
        foreach (var (method, template, path, _) in calls.Where(c => c.Method == "get"))
        {
            foreach (var (seat, client) in w.Seats)
            {
                var response = await client.Http.GetAsync(path);
                await CheckAnswerAsync(w, seat, $"GET {path}", response, failures);
            }
        }

        var before = await FingerprintAsync();
        if (Changed(beforeReads, before) is { Count: > 0 } readsChanged)
        {
            failures.Add($"GET (all routes) | every seat | - | reading changed {string.Join(", ", readsChanged)}");
        }
        // Deletions last, so a wrongly allowed one does not hide what the other calls would show.
        foreach (var (method, template, path, operation) in calls.Where(c => Unsafe.Contains(c.Method)).OrderBy(c => c.Method == "delete"))
        {
            foreach (var (seat, client) in w.Seats)
            {
                if (RouteRegistry.IsPermitted(seat, method.ToUpperInvariant(), template, path))
                {
                    continue;
                }
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path) { Content = Body(w, operation, schemas) };
                var response = await client.Http.SendAsync(request);
                var call = $"{method.ToUpperInvariant()} {path}";
                await CheckAnswerAsync(w, seat, call, response, failures);
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    failures.Add($"{call} | {seat} | {(int)response.StatusCode} | expected 403 or 404 | {Excerpt(await response.Content.ReadAsStringAsync())}");
                }
                var after = await FingerprintAsync();
                var changed = Changed(before, after);
                if (changed.Count > 0)
                {
                    failures.Add($"{call} | {seat} | {(int)response.StatusCode} | changed {string.Join(", ", changed)}");
                    // A wrongly accepted job runs in the background: let it finish so its changes are not laid at the next call's door.
                    await JobsSettledAsync();
                    before = await FingerprintAsync();
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} findings (route | seat | status | what):\n{string.Join("\n", failures.Distinct())}");
    }

    [Fact]
    public async Task Every_page_route_as_every_seat_shows_no_marker()
    {
        var w = await AccessWorld.ForAsync(factory);
        var failures = new List<string>();
        var templates = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(templates.Count > 30, $"only {templates.Count} page routes found");
        var paths = templates.SelectMany(t => ExpandPage(w, t, failures)).ToList();
        foreach (var seat in w.Seats.Keys)
        {
            using var browser = await CookieSessionAsync(w.UserNames[seat]);
            foreach (var path in paths)
            {
                var response = await browser.GetAsync(path);
                await CheckAnswerAsync(w, seat, $"PAGE {path}", response, failures);
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} findings (route | seat | status | what):\n{string.Join("\n", failures.Distinct())}");
    }

    private static IEnumerable<string> Expand(AccessWorld w, string template, JsonObject operation, string method, List<string> failures)
    {
        var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var required = new List<string>();
        var optional = new List<string>();
        foreach (var p in parameters.Where(p => p["in"]!.GetValue<string>() == "query"))
        {
            var name = p["name"]!.GetValue<string>();
            var value = RouteRegistry.QueryValue(w, name, p["schema"]?["format"]?.GetValue<string>());
            var isRequired = p["required"]?.GetValue<bool>() == true;
            if (value is null)
            {
                if (isRequired)
                {
                    failures.Add($"{method.ToUpperInvariant()} {template} | - | - | required query parameter '{name}' is not registered in RouteRegistry.QueryValue");
                }
                continue;
            }
            (isRequired ? required : optional).Add($"{name}={Uri.EscapeDataString(value)}");
        }
        foreach (var path in Substitute(w, template, failures, $"{method.ToUpperInvariant()} {template}"))
        {
            yield return required.Count == 0 ? path : $"{path}?{string.Join("&", required)}";
            if (optional.Count > 0)
            {
                yield return $"{path}?{string.Join("&", required.Concat(optional))}";
            }
        }
    }

    private static IEnumerable<string> ExpandPage(AccessWorld w, string template, List<string> failures) =>
        Substitute(w, ConstraintPattern().Replace(template, "}"), failures, $"PAGE {template}");

    /// <summary>Each {parameter} replaced by the world's values, keyed by the literal segment before it.</summary>
    private static List<string> Substitute(AccessWorld w, string template, List<string> failures, string what)
    {
        var values = RouteRegistry.PathValues(w);
        var results = new List<string> { "" };
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var name = segment[1..^1].ToLowerInvariant();
                var previous = i > 0 ? segments[i - 1] : "";
                if (!values.TryGetValue((previous, name), out var options))
                {
                    failures.Add($"{what} | - | - | path parameter '{name}' after '{previous}' is not registered in RouteRegistry.PathValues");
                    return [];
                }
                results = [.. results.SelectMany(r => options.Select(o => $"{r}/{Uri.EscapeDataString(o)}"))];
            }
            else if (segment.Length > 0)
            {
                results = [.. results.Select(r => $"{r}/{segment}")];
            }
        }
        return [.. results.Select(r => r.Length == 0 ? "/" : r)];
    }

    [GeneratedRegex(@":[a-z]+\??}")]
    private static partial Regex ConstraintPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryField();

    private async Task<HttpClient> CookieSessionAsync(string userName)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(login);
        Assert.True(token.Success, "no antiforgery field on the login page");
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value),
            ["userName"] = userName, ["password"] = userName == "admin" ? AppFactory.AdminPassword : AccessWorld.UserPassword, ["returnUrl"] = "/",
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect && signedIn.Headers.Location?.OriginalString == "/",
            $"cookie sign-in of {userName} gave {(int)signedIn.StatusCode} to {signedIn.Headers.Location}");
        return browser;
    }

    private static async Task CheckAnswerAsync(AccessWorld w, Seat seat, string call, HttpResponseMessage response, List<string> failures)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{call} | {seat} | {(int)response.StatusCode} | server error | {Excerpt(Encoding.UTF8.GetString(bytes))}");
        }
        var text = Readable(bytes);
        var found = w.Markers.Where(m => !RouteRegistry.MaySee(seat, m.Kind) && text.Contains(m.Value, StringComparison.Ordinal)).Select(m => m.Kind).ToList();
        if (found.Count > 0)
        {
            failures.Add($"{call} | {seat} | {(int)response.StatusCode} | shows {string.Join(", ", found)}");
        }
    }

    /// <summary>The text of an answer, with every entry of a zip (xlsx, docx, a package, zips within it) unpacked.</summary>
    private static string Readable(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            return Encoding.UTF8.GetString(bytes);
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                text.Append(entry.FullName).Append('\n').Append(Readable(copy.ToArray())).Append('\n');
            }
            return text.ToString();
        }
        catch (InvalidDataException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }

    private static string Excerpt(string text) => text.Length > 160 ? text[..160] + "…" : text;

    /// <summary>A body the operation accepts in shape, built from its schema, with the world's ids in id fields.</summary>
    private static HttpContent Body(AccessWorld w, JsonObject operation, JsonObject? schemas)
    {
        var content = operation["requestBody"]?["content"]?.AsObject();
        if (content?["application/json"]?["schema"] is { } json)
        {
            return new StringContent(Sample(w, json, null, schemas, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        }
        var form = AccessWorld.FilePart(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "probe.pdf");
        if (content?["multipart/form-data"]?["schema"] is { } multipart)
        {
            foreach (var (name, property) in Properties(multipart, schemas).Where(p => p.Key != "file"))
            {
                form.Add(new StringContent(Sample(w, property, name, schemas, 1)?.ToString() ?? "probe"), name);
            }
        }
        // Uploads that stream their body have no schema: every body-less unsafe call gets a file part, which others ignore.
        return form;
    }

    private static JsonNode? Sample(AccessWorld w, JsonNode schema, string? name, JsonObject? schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (depth > 4)
        {
            return null;
        }
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue one => one.GetValue<string>(),
            _ => schema["properties"] is not null || schema["allOf"] is not null ? "object" : null,
        };
        var format = schema["format"]?.GetValue<string>();
        return type switch
        {
            "object" when schema["properties"] is not null || schema["allOf"] is not null =>
                new JsonObject(Properties(schema, schemas).Select(p => KeyValuePair.Create(p.Key, Sample(w, p.Value, p.Key, schemas, depth + 1)))),
            "object" => new JsonObject(),
            "array" => new JsonArray(schema["items"] is { } items ? Sample(w, items, Singular(name), schemas, depth + 1) : null),
            "integer" or "number" => 1,
            "boolean" => false,
            "string" when format == "uuid" => IdFor(w, name),
            "string" when format == "date" => "2021-06-30",
            "string" when format == "date-time" => "2021-06-30T00:00:00Z",
            "string" => StringFor(name),
            _ => null,
        };
    }

    private static string? Singular(string? name) => name is not null && name.EndsWith('s') ? name[..^1] : name;

    private static string IdFor(AccessWorld w, string? name) => (name ?? "").ToLowerInvariant() switch
    {
        "taskid" or "taskids" or "task" => w.StatementTask.ToString(),
        "personid" => w.Person.ToString(),
        "frameworkid" => w.Framework.ToString(),
        "regionid" or "parentid" => w.Region.ToString(),
        "campaignid" => w.Campaign.ToString(),
        "casefileid" => w.CaseFile.ToString(),
        _ => w.UnitX.ToString(),
    };

    private static string StringFor(string? name) => (name ?? "").ToLowerInvariant() switch
    {
        "role" or "roles" => "单位联络员",
        "mobile" => "13800000000",
        "kind" => "行政处罚",
        "level" => "区",
        "campaignrole" => "联络员",
        "filedon" or "decidedon" or "deadline" or "cutoffdate" => "2021-06-30",
        _ => "probe",
    };

    private static IEnumerable<KeyValuePair<string, JsonNode>> Properties(JsonNode schema, JsonObject? schemas)
    {
        schema = Resolve(schema, schemas);
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            foreach (var p in Properties(part!, schemas))
            {
                yield return p;
            }
        }
        foreach (var (key, value) in schema["properties"]?.AsObject() ?? [])
        {
            yield return KeyValuePair.Create(key, value!);
        }
    }

    private static JsonNode Resolve(JsonNode schema, JsonObject? schemas) =>
        schema["$ref"]?.GetValue<string>() is { } reference && schemas?[reference.Split('/')[^1]] is { } target ? Resolve(target, schemas) : schema;

    private async Task JobsSettledAsync()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var i = 0; i < 300; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            if (!await db.Jobs.AnyAsync(j => j.State == JobStates.Queued || j.State == JobStates.Running))
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Per table: row count and a hash of every row (the audit trail grows by design and is left out).</summary>
    private async Task<Dictionary<string, string>> FingerprintAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => !t.Contains("Audit", StringComparison.OrdinalIgnoreCase) && !t.Contains("DataProtection", StringComparison.OrdinalIgnoreCase))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        cells[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    }
                    rows.Add(string.Join("\u001f", cells));
                }
            }
            rows.Sort(StringComparer.Ordinal);
            result[table] = $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows))))[..16]}";
        }
        return result;
    }

    private static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. after.Where(kv => !before.TryGetValue(kv.Key, out var b) || b != kv.Value)
            .Select(kv => $"{kv.Key} ({(before.TryGetValue(kv.Key, out var b) ? b.Split(':')[0] : "0")}→{kv.Value.Split(':')[0]} rows)")];
}
