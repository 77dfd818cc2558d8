using System.Net;
using System.Net.Http.Json;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>Intent methods for the access scenarios (ADR 0017), beside ApiClient so the shared file stays untouched.</summary>
public static class AccessApi
{
    /// <summary>An account without a unit (创建办, 督查) in a region: created, then given its region.</summary>
    public static async Task<Guid> CreateRegionUserAsync(this ApiClient admin, string userName, Guid region, params string[] roles)
    {
        var id = await admin.CreateUserAsync(userName, null, roles);
        var set = await admin.Http.PutAsJsonAsync($"/api/v1/users/{id}/region", new { regionId = region });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        return id;
    }
}
