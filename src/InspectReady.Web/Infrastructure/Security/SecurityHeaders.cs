namespace InspectReady.Web.Infrastructure.Security;

/// <summary>
/// Response headers for every answer: a Content-Security-Policy that allows nothing from another origin, no
/// framing, no MIME sniffing, no referrer to other sites, HSTS on HTTPS, and no caching of API answers or
/// downloads (they carry filings and personal data).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IWebHostEnvironment environment)
{
    /// <remarks>
    /// Scripts only from the product itself: blazor.web.js, the UI library's script and the product's modules need
    /// neither inline script nor eval. The UI library renders two fixed inline handlers (its tabs carry
    /// <c>ondragover="event.preventDefault();"</c>, and it has <c>event.stopPropagation()</c>); 'unsafe-hashes' with
    /// their two hashes allows exactly those strings and no other inline handler. Styles allow inline: Blazor sets
    /// <c>style</c> attributes from components and the UI library and ECharts size and place elements with them.
    /// <c>'self'</c> in connect-src covers the circuit's WebSocket.
    /// </remarks>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self' 'unsafe-hashes' 'sha256-3TGu3MXeXy11eUrHvptBo1UVsvdEkIojBrR41fi1sqM=' 'sha256-jHF5hTIlMDyGZRAsNK0HO/WFYrwPvI2I1q0o1xKKB6I='; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext ctx)
    {
        var headers = ctx.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (ctx.Request.IsHttps && !environment.IsDevelopment())
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
        var api = ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments(SessionCookie.KeepAlivePath);
        ctx.Response.OnStarting(() =>
        {
            if (api || IsDownload(ctx.Response))
            {
                ctx.Response.Headers.CacheControl = "no-store";
                ctx.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(ctx);
    }

    private static bool IsDownload(HttpResponse response) =>
        response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
}
