using InspectReady.Web.Components.Shared;
using InspectReady.Web.Features.Frameworks;
using InspectReady.Web.Features.Organisation;
using Microsoft.AspNetCore.Components;

namespace InspectReady.Web.Features.Campaigns.ManageCampaigns;

/// <summary>创建活动: the campaigns, and for the office the form that creates one and the tools that keep its tasks in step.</summary>
public partial class CampaignsPage : AppPage
{
    [Inject] private CampaignsHandler Campaigns { get; set; } = default!;
    [Inject] private FrameworksHandler Frameworks { get; set; } = default!;
    [Inject] private RegionsHandler Regions { get; set; } = default!;
    [Inject] private UnitsHandler Units { get; set; } = default!;

    private List<CampaignDto> campaigns = [];
    private List<FrameworkDto> frameworks = [];
    private List<RegionDto> regions = [];
    private List<UnitDto> units = [];
    private bool canManage;

    protected override async Task OnPageInitializedAsync()
    {
        canManage = CampaignsHandler.CanManage(Scope);
        frameworks = [.. await Frameworks.ListAsync()];
        regions = [.. await Regions.ListAsync()];
        if (canManage)
        {
            units = [.. await Units.ListAsync(Scope)];
        }
        await LoadAsync();
    }

    private async Task LoadAsync() => campaigns = [.. await Campaigns.ListAsync(Scope)];

    private Task CreatedAsync() => LoadAsync();
}
