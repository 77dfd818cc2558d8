using InspectReady.Web.Domain.Access;
using InspectReady.Web.Features.Outputs;

namespace InspectReady.Web.Features.Shared;

/// <summary>
/// The classification mark of <see cref="ExportMark"/> offered to every feature, so areas other than Outputs mark
/// their exports the same way without reaching into Outputs (the layering test allows only handlers across areas).
/// </summary>
public sealed class MarkedExports(ExportMark mark)
{
    public string For(UserScope actor) => mark.For(actor);

    public List<Dictionary<string, object?>> Sheet(UserScope actor) => mark.Sheet(actor);
}
