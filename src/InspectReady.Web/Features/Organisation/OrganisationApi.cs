using InspectReady.Web.Features.Shared.Paging;
using InspectReady.Web.Domain.Common;
using InspectReady.Web.Features.Organisation.Import;
using InspectReady.Web.Infrastructure.Excel;
using InspectReady.Web.Infrastructure.Http;
using InspectReady.Web.Infrastructure.Security;

namespace InspectReady.Web.Features.Organisation;

public static class OrganisationApi
{
    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("组织机构");

        api.MapGet("/regions", (RegionsHandler h) => h.ListAsync()).WithSummary("行政区划列表（树形：parentId）");
        api.MapPost("/regions", async (RegionRequest body, HttpContext ctx, RegionsHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(r => Results.Created($"/api/v1/regions/{r.Id}", r), "区划"))
            .WithSummary("新增区划；level 为代码 province、city、district、county、street、township（省、市、区、县、街道、乡镇，也接受中文名称）").Produces<RegionDto>(StatusCodes.Status201Created).ProducesValidationProblem();

        api.MapGet("/units", (HttpContext ctx, UnitsHandler h, string? keyword, string? tag) => h.ListAsync(ctx.Scope(), keyword, tag))
            .WithSummary("单位列表；本单位用户只看到本单位");
        api.MapGet("/units/{id:guid}", async (Guid id, HttpContext ctx, UnitsHandler h) =>
            (await h.GetAsync(ctx.Scope(), id)).ToHttp(Results.Ok, "单位")).WithSummary("单位详情");
        api.MapGet("/units/resolve", async (string name, UnitsHandler h, HttpContext ctx) =>
                await h.ResolveAsync(name) is { } u && ctx.Scope().CanSeeUnit(u.Id) ? Results.Ok(u) : Problems.NotFound("单位"))
            .WithSummary("按名称或别名查找单位（区市场监管局 → 区市场监督管理局）");
        api.MapPost("/units", async (UnitRequest body, HttpContext ctx, UnitsHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(u => Results.Created($"/api/v1/units/{u.Id}", u), "单位"))
            .WithSummary("新增单位；kind 为代码 party_department、district_department、street、vertical、coordinating（也接受中文名称）").Produces<UnitDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPut("/units/{id:guid}", async (Guid id, UnitRequest body, HttpContext ctx, UnitsHandler h) =>
            (await h.UpdateAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "单位")).WithSummary("修改单位");
        api.MapDelete("/units/{id:guid}", async (Guid id, HttpContext ctx, UnitsHandler h) =>
            (await h.DeleteAsync(ctx.Scope(), id)).ToHttp(_ => Results.NoContent(), "单位")).WithSummary("删除单位");

        api.MapGet("/people", async (HttpContext ctx, PeopleHandler h, Guid? unitId, string? role, bool? reveal, int? page, int? pageSize) =>
                (await h.ListAsync(ctx.Scope(), PageRequest.Of(page, pageSize), unitId, role, reveal == true)).ToHttp(Results.Ok))
            .WithSummary("人员列表：本单位联络员、领导看本单位，创建办、督查、系统管理员看全部，其他角色看不到；手机号默认脱敏，"
                + "reveal=true 显示完整号码并记入审计（创建办、本单位联络员和领导）；按单位、角色排序分页（page 从1起，pageSize 默认50、最多500）").Produces<Paged<PersonDto>>();
        api.MapPost("/people", async (PersonRequest body, HttpContext ctx, PeopleHandler h) =>
                (await h.CreateAsync(ctx.Scope(), body)).ToHttp(p => Results.Created($"/api/v1/people/{p.Id}", p), "单位"))
            .WithSummary("新增人员；campaignRole 为代码 principal_leader、responsible_leader、liaison、section_head、window_staff、enforcement_officer（也接受中文名称）").Produces<PersonDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPut("/people/{id:guid}", async (Guid id, PersonRequest body, HttpContext ctx, PeopleHandler h) =>
            (await h.UpdateAsync(ctx.Scope(), id, body)).ToHttp(Results.Ok, "人员")).WithSummary("修改人员");
        api.MapDelete("/people/{id:guid}", async (Guid id, HttpContext ctx, PeopleHandler h) =>
            (await h.DeleteAsync(ctx.Scope(), id)).ToHttp(_ => Results.NoContent(), "人员")).WithSummary("删除人员");

        api.MapGet("/organisation/import-template", (TempFiles files) => files.DownloadAsync(OrganisationImport.WriteTemplateAsync, ExcelSheets.XlsxContentType, "单位和人员导入模板.xlsx"))
            .WithSummary("下载单位和人员导入模板");
        api.MapPost("/organisation/import", async (IFormFile file, HttpContext ctx, OrganisationImport import) =>
            {
                if (!ctx.Scope().CanManageOrganisation)
                {
                    return Problems.Forbidden();
                }
                if (file.Length > OrganisationImport.MaxBytes)
                {
                    return Problems.Validation([new FieldError(null, "file", $"文件“{file.FileName}”超过{OrganisationImport.MaxBytes / 1024 / 1024}MB上限")]);
                }
                await using var stream = file.OpenReadStream();
                return (await import.ImportAsync(ctx.Scope(), stream, file.FileName)).ToHttp(Results.Ok);
            })
            .DisableAntiforgery()
            .WithSummary("从模板批量导入单位和人员；任一行有误则全部不导入，返回每处错误（行、列、说明）")
            .ProducesValidationProblem();
    }

}
