using InspectReady.Web.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace InspectReady.Web.Infrastructure.Http;

/// <summary>One place for the problem+json answers, so every message is Chinese and says what and where.</summary>
public static class Problems
{
    public static IResult Status(int status, string title, string? detail = null) =>
        Results.Problem(title: title, detail: detail, statusCode: status);

    public static IResult NotFound(string what = "资源") =>
        Status(StatusCodes.Status404NotFound, $"{what}不存在");

    public static IResult Forbidden(string detail = "当前角色无权执行此操作") =>
        Status(StatusCodes.Status403Forbidden, "无权访问", detail);

    public static IResult Validation(IEnumerable<FieldError> errors, int status = StatusCodes.Status400BadRequest, string title = "输入有误")
    {
        var list = errors.ToList();
        return Results.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = string.Join("；", list.Select(e => e.ToString())),
            Extensions = { ["errors"] = list },
        });
    }

    /// <summary>422: the request was understood, but the document's rules do not hold; each broken rule is listed.</summary>
    public static IResult Rules(IEnumerable<object> violations, string detail) => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "不符合填报规则",
        Detail = detail,
        Extensions = { ["errors"] = violations.ToList() },
    });

    public static IResult Validation(string field, string message) => Validation([new FieldError(null, field, message)]);
}

