using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>A browser's way in: the sign-in form and its cookie, no bearer token.</summary>
public static partial class CookieSession
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task SignInAsync(HttpClient http, string userName, string password)
    {
        var form = await http.GetStringAsync("/account/login");
        var token = FormToken().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value)
            : throw new InvalidOperationException("登录页没有防伪令牌");
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    /// <summary>The token a page's script sends in the <see cref="AntiforgeryHeader"/> header.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient http)
    {
        var body = await http.GetFromJsonAsync<JsonObject>("/api/v1/auth/antiforgery");
        Assert.Equal(AntiforgeryHeader, body!["headerName"]!.GetValue<string>());
        return body["token"]!.GetValue<string>();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<v>[^\"]+)\"|value=\"(?<v>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex FormToken();
}

/// <summary>The system clock moved forward on demand, for session lifetimes measured in hours.</summary>
public sealed class ShiftingClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}
