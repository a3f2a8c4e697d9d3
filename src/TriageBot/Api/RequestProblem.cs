namespace TriageBot.Api;

/// <summary>Why a request to /api/messages was refused before any turn ran: the HTTP status and what to tell the caller.</summary>
/// <param name="Status">400, 401, 413 or 415.</param>
/// <param name="Title">Short summary, e.g. "Invalid activity".</param>
/// <param name="Detail">What exactly is wrong, naming the field or the position in the JSON.</param>
/// <param name="Field">The JSON path of the missing or invalid field, when there is one.</param>
public sealed record RequestProblem(int Status, string Title, string Detail, string? Field = null)
{
    public IResult ToResult() => Results.Problem(
        statusCode: Status,
        title: Title,
        detail: Detail,
        extensions: Field is null ? null : new Dictionary<string, object?> { ["field"] = Field });
}
