using Serilog.Core;
using Serilog.Events;

namespace TriageBot.Hosting;

/// <summary>
/// Drops the RequestPath that ASP.NET Core's request log scope adds to every line written during a request: a
/// download link's path is its one-time token. The request line names the route template instead (RequestLogging).
/// </summary>
public sealed class RequestPathRemover : ILogEventEnricher
{
    public const string PropertyName = "RequestPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => logEvent.RemovePropertyIfPresent(PropertyName);
}
