using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace InspectReady.Web.Components.Shared;

/// <summary>Base of interactive pages: who is acting, from where, for the handlers' authorization and audit.</summary>
public abstract class AppPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IHttpContextAccessor HttpContextAccessor { get; set; } = default!;

    /// <summary>China's clock: "today" and default deadlines on every page.</summary>
    [Inject]
    protected IChinaClock Clock { get; set; } = default!;

    protected UserScope Scope { get; private set; } = UserScope.System("anonymous");

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            var state = await AuthenticationState;
            Scope = state.User.ToScope(HttpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
        }
        await OnPageInitializedAsync();
    }

    protected virtual Task OnPageInitializedAsync() => Task.CompletedTask;
}
