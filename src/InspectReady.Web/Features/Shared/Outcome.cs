using InspectReady.Web.Domain.Common;
using InspectReady.Web.Infrastructure.Http;

namespace InspectReady.Web.Features.Shared;

public enum OutcomeKind { Ok, Invalid, NotFound, Forbidden, Conflict, Unprocessable, Gone }

/// <summary>What a handler answers: a value, or why not. Endpoints turn it into HTTP, pages into messages.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyList<FieldError> Errors)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, []);
    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, default, errors);
    public static Outcome<T> Invalid(string field, string message) => Invalid([new FieldError(null, field, message)]);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, []);
    public static Outcome<T> Forbidden() => new(OutcomeKind.Forbidden, default, []);
    public static Outcome<T> Forbidden(string reason) => new(OutcomeKind.Forbidden, default, [new FieldError(null, null, reason)]);
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, [new FieldError(null, null, message)]);
    /// <summary>The thing existed and was removed on purpose (e.g. by retention): 410 with the reason.</summary>
    public static Outcome<T> Gone(string message) => new(OutcomeKind.Gone, default, [new FieldError(null, null, message)]);

    /// <summary>For <see cref="OutcomeKind.Unprocessable"/>: the broken rules, each named, answered as 422.</summary>
    public IReadOnlyList<object>? Violations { get; init; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>The same refusal for another value type (a failed load answered as the operation's outcome).</summary>
    public Outcome<TOther> As<TOther>() => new(Kind, default, Errors) { Violations = Violations };

    public string Message => string.Join("；", Errors.Select(e => e.ToString()));

    public IResult ToHttp(Func<T, IResult> ok, string what = "资源") => Kind switch
    {
        OutcomeKind.Ok => ok(Value!),
        OutcomeKind.NotFound => Problems.NotFound(what),
        OutcomeKind.Forbidden => Errors.Count == 0 ? Problems.Forbidden() : Problems.Forbidden(Message),
        OutcomeKind.Conflict => Problems.Status(StatusCodes.Status409Conflict, "操作冲突", Message),
        OutcomeKind.Gone => Problems.Status(StatusCodes.Status410Gone, Message, Message),
        OutcomeKind.Unprocessable => Problems.Rules(Violations ?? Errors, Message),
        _ => Problems.Validation(Errors),
    };
}
