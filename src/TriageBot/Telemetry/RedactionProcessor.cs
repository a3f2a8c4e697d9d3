using System.Diagnostics;
using OpenTelemetry;

namespace TriageBot.Telemetry;

/// <summary>
/// The last word on URL attributes before any exporter sees a span, whichever instrumentation made it: a server
/// span's url.path becomes its route template (a download link's path is its one-time token), a client span's url.full
/// loses the conversation and activity ids (<see cref="UrlRedaction"/>), and no query string is kept.
/// </summary>
public sealed class RedactionProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem("url.path") is not null)
        {
            data.SetTag("url.path", data.GetTagItem("http.route") as string ?? "(no route)");
        }

        if (data.GetTagItem("url.full") is string full)
        {
            data.SetTag("url.full", UrlRedaction.Redact(Uri.TryCreate(full, UriKind.Absolute, out var uri) ? uri : null));
        }

        data.SetTag("url.query", null);
    }
}
