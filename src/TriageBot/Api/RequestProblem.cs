namespace TriageBot.Api;

/// <summary>Why a request to /api/messages was refused or failed: the HTTP status and what to tell the caller.</summary>
/// <param name="Status">400, 401, 413, 415, 503 (load shed) or 500 (a turn that could not be saved).</param>
/// <param name="Title">Short summary, e.g. "Invalid activity".</param>
/// <param name="Detail">What exactly is wrong, naming the field or the position in the JSON.</param>
/// <param name="Field">The JSON path of the missing or invalid field, when there is one.</param>
/// <param name="CorrelationId">For a fault of ours (500): the reference in the log line.</param>
public sealed record RequestProblem(int Status, string Title, string Detail, string? Field = null, string? CorrelationId = null)
{
    public IResult ToResult()
    {
        var extensions = new Dictionary<string, object?>();
        if (Field is not null)
        {
            extensions["field"] = Field;
        }

        if (CorrelationId is not null)
        {
            extensions["correlationId"] = CorrelationId;
        }

        return Results.Problem(statusCode: Status, title: Title, detail: Detail, extensions: extensions.Count == 0 ? null : extensions);
    }
}
