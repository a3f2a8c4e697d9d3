using Microsoft.AspNetCore.Routing;
using Serilog;
using Serilog.Events;

namespace TriageBot.Hosting;

/// <summary>
/// One line per HTTP request (Serilog's request logging). It names the route template, never the path or query
/// string: a download link's path is a one-time token, and a query could carry anything. Handlers add what may be
/// logged (the conversation id and activity type of /api/messages) through Serilog's IDiagnosticContext.
/// </summary>
public static class RequestLogging
{
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestRoute} responded {StatusCode} in {Elapsed:0} ms";

    public static WebApplication UseTriageBotRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = MessageTemplate;
            options.IncludeQueryInRequestPath = false;

            // A 5xx was already logged once, as an Error with its correlation id, where it happened
            // (Faults/UnexpectedFaultMiddleware, the turn pipeline): its request line is a Warning, so a fault is one Error.
            options.GetLevel = (context, _, exception) =>
                exception is not null ? LogEventLevel.Error
                : context.Response.StatusCode >= 500 ? LogEventLevel.Warning
                : LogEventLevel.Information;
            options.GetMessageTemplateProperties = (context, _, elapsedMs, statusCode) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestRoute", new ScalarValue(RouteOf(context))),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsedMs)),
            ];
        });
        return app;
    }

    /// <summary>The matched endpoint's template (e.g. /admin/downloads/{token}); a path that matched none is not repeated.</summary>
    public static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? template : "(no route)";
}
