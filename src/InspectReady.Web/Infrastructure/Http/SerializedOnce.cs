using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Http;

/// <summary>
/// Writes a response object as JSON once per instance. The dashboards' memoised figures are the same object for
/// every caller until the campaign's tasks change (<c>DashboardSnapshot.Memo</c>), so their bytes are kept beside them
/// and dropped with them; a 300 KB matrix is then sent, not serialised, per request.
/// </summary>
public sealed class SerializedOnce(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> options)
{
    private readonly ConditionalWeakTable<object, byte[]> bytes = new();

    public IResult Ok(object value) =>
        Results.Bytes(bytes.GetValue(value, v => JsonSerializer.SerializeToUtf8Bytes(v, v.GetType(), options.Value.SerializerOptions)),
            "application/json; charset=utf-8");
}
