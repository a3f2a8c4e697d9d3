using System.Text.Json;
using Microsoft.Extensions.Options;
using TriageBot.Connector.Schema;

namespace TriageBot.Api;

/// <summary>
/// Reads one activity from the request body and checks it before anything else happens:
/// JSON content type (415), size limit (413, also for chunked bodies without a length), well-formed JSON (400 with line
/// and position), then <see cref="ActivityFieldCheck"/>: depth, duplicate keys, required fields and ids (400 naming the field).
/// </summary>
public sealed class ActivityRequestReader(IOptions<MessagesEndpointOptions> options)
{
    public async Task<(Activity? Activity, RequestProblem? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, new RequestProblem(415, "Unsupported media type",
                $"The body must be JSON (Content-Type: application/json); got '{request.ContentType ?? "none"}'."));
        }

        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var body = await ReadLimitedAsync(request.Body, limit, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(limit));
        }

        if (ActivityFieldCheck.CheckJson(body, options.Value.MaxJsonDepth) is { } shape)
        {
            return (null, shape);
        }

        Activity activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options)
                ?? throw new JsonException("The body is the JSON literal null, not an activity.");
        }
        catch (JsonException exception)
        {
            return (null, new RequestProblem(400, "Malformed JSON", DescribeJsonError(exception), exception.Path));
        }

        var invalid = ActivityFieldCheck.CheckFields(activity, options.Value);
        return invalid is null ? (activity, null) : (null, invalid);
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static RequestProblem TooLarge(long limit) =>
        new(413, "Payload too large", $"The body is larger than the limit of {limit} bytes (MessagesEndpoint:MaxRequestBytes).");

    private static string DescribeJsonError(JsonException exception)
    {
        var where = exception.LineNumber is { } line
            ? $" at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}"
            : string.Empty;
        var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" (field {exception.Path})";

        // The parser's own message can quote the body; say only where it broke.
        return $"The body is not a valid activity{where}{field}.";
    }
}
