using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Infrastructure.Identity;

public static class IdentitySetup
{
    public const string CookieOrBearer = "CookieOrBearer";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddAppIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TokenLifetime;
                o.RefreshTokenExpiration = TokenLifetime;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                // Chinese user names (张三) are common in government offices.
                o.User.AllowedUserNameCharacters = "";
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<ComplexityPasswordValidator>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "InspectReady.Auth";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle and absolute lifetimes and the per-request account check: Infrastructure/Security/SessionSetup.cs.
            o.Events.OnRedirectToLogin = ctx => ApiAwareAsync(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareAsync(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        services.AddSingleton<SecurityPolicyStore>();
        services.AddScoped<SecondFactor>();
        return services;
    }

    private static Task ApiAwareAsync(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
