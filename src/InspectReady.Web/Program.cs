using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AntDesign;
using InspectReady.Web.Components;
using InspectReady.Web.Data;
using InspectReady.Web.Features;
using InspectReady.Web.Features.Demo;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Hosting;
using InspectReady.Web.Infrastructure.Identity;
using InspectReady.Web.Infrastructure.Operations;
using InspectReady.Web.Infrastructure.Security;
using InspectReady.Web.Infrastructure.Security.Keys;
using Microsoft.AspNetCore.DataProtection;

var zh = new CultureInfo("zh-CN");
CultureInfo.DefaultThreadCurrentCulture = zh;
CultureInfo.DefaultThreadCurrentUICulture = zh;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = HostCommands.HostArgs(args).Where(a => a != DemoData.Command && !AuditCommands.IsCommand(a)).ToArray(),
    // The UI library's _content/ assets are served from the package also when run outside Development.
    WebRootPath = "wwwroot",
});
builder.WebHost.UseStaticWebAssets();

var dataRoot = new DataRoot(builder.Configuration);
builder.Services.AddSingleton(dataRoot);
builder.Services.AddAppDatabase(builder.Configuration, dataRoot);
// Keys outside the database (ADR 0040); the key ring in the database is encrypted with one of them (ADR 0041).
builder.Services.AddSingleton(new KeyStore(builder.Configuration, dataRoot));
builder.Services.AddDataProtection().SetApplicationName("InspectReady").PersistKeysToDbContext<AppDbContext>().ProtectKeysWithKeyStore();
builder.Services.AddAppIdentity();
builder.Services.AddSignInRateLimits(builder.Configuration);
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddHttpContextAccessor();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddAntDesign();
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 1024L * 1024 * 1024);
// Sessions, antiforgery on cookie API calls, and forwarded headers only from ForwardedHeaders:KnownProxies.
builder.Services.AddSessionSecurity();
builder.Services.AddFeatures();
builder.Services.AddSingleton<Bootstrap>();

var app = builder.Build();
LocaleProvider.SetLocale("zh-CN");

// backup / restore run instead of the server and before the bootstrap: a restore needs its target still empty.
if (HostCommands.Is(args))
{
    Environment.ExitCode = await HostCommands.RunAsync(app.Services, args);
    return;
}
await app.Services.GetRequiredService<Bootstrap>().RunAsync();
if (args.Contains(DemoData.Command))
{
    Environment.ExitCode = await app.Services.GetRequiredService<DemoData>().RunAsync(args);
    return;
}
if (args.Any(AuditCommands.IsCommand))
{
    Environment.ExitCode = await AuditCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
    return;
}

app.UseTrustedForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UseStatusCodePages(async ctx =>
{
    if (ctx.HttpContext.Request.Path.StartsWithSegments("/api") && !ctx.HttpContext.Response.HasStarted
        && ctx.HttpContext.Response.ContentLength is null && ctx.HttpContext.Response.ContentType is null)
    {
        var status = ctx.HttpContext.Response.StatusCode;
        await Results.Problem(statusCode: status, title: status switch
        {
            401 => "未登录或令牌无效",
            403 => "无权访问",
            404 => "资源不存在",
            _ => "请求失败",
        }).ExecuteAsync(ctx.HttpContext);
    }
});
app.UseMiddleware<SecurityHeaders>();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<ApiSessionGuard>();
app.UseMiddleware<CookieApiAntiforgery>();
app.UseMiddleware<ForcedPasswordChange>();
app.UseAntiforgery();

app.MapOpenApi();
app.MapFeatures();
app.MapSessionEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, visible to the functional and browser tests.</summary>
public partial class Program;
