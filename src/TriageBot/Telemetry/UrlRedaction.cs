namespace TriageBot.Telemetry;

/// <summary>
/// URLs as span attributes: a connector call's path names the conversation and the activity
/// (/v3/conversations/{id}/activities/{id}), so after "v3" only the REST words are kept and every id becomes {id};
/// the query string is dropped. Other URLs (token endpoints, OpenID metadata) keep their path, never their query.
/// </summary>
public static class UrlRedaction
{
    private static readonly HashSet<string> ConnectorWords = new(StringComparer.Ordinal)
    {
        "conversations", "activities", "members", "pagedmembers", "attachments", "views", "history",
    };

    public static string Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return string.Empty;
        }

        var segments = uri.AbsolutePath.Split('/');
        var v3 = Array.IndexOf(segments, "v3");
        if (v3 >= 0)
        {
            for (var i = v3 + 1; i < segments.Length; i++)
            {
                if (segments[i].Length > 0 && !ConnectorWords.Contains(segments[i]))
                {
                    segments[i] = "{id}";
                }
            }
        }

        return $"{uri.Scheme}://{uri.Authority}{string.Join('/', segments)}";
    }
}
