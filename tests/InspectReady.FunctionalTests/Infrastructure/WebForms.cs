using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OtpNet;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>
/// The sign-in pages as a browser uses them, without a browser: a cookie jar, the antiforgery token of each form,
/// redirects followed by hand so each step can be seen.
/// </summary>
public sealed partial class WebForms(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static WebForms Open(AppFactory factory, string? clientAddress = null)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (clientAddress is not null)
        {
            http.DefaultRequestHeaders.Add(HardenedHost.ClientHeader, clientAddress);
        }
        return new WebForms(http);
    }

    /// <summary>Posts the form of the page at <paramref name="page"/> (its hidden fields kept) with these fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await GetPageAsync(page);
        var values = HiddenFields().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public async Task<string> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode} → {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        SubmitAsync("/account/login", "/account/login", ("userName", userName), ("password", password), ("returnUrl", "/"));

    /// <summary>The key the enrolment page shows beside its QR code, as an authenticator app would read it.</summary>
    public static string KeyOf(string enrolmentPage) =>
        TotpKey().Match(enrolmentPage) is { Success: true } m
            ? m.Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            : throw new Xunit.Sdk.XunitException("no totp-key on the page");

    public static IReadOnlyList<string> RecoveryCodesOf(string page) =>
        [.. RecoveryCodes().Match(page).Groups["list"].Value.Split("<li>", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Replace("</li>", "", StringComparison.Ordinal).Trim()).Where(c => c.Length > 0)];

    /// <summary>The code an authenticator app shows now for this key.</summary>
    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenFields();

    [GeneratedRegex("data-testid=\"totp-key\">(?<key>[^<]+)<")]
    private static partial Regex TotpKey();

    [GeneratedRegex("data-testid=\"recovery-codes\"[^>]*>(?<list>.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex RecoveryCodes();
}
