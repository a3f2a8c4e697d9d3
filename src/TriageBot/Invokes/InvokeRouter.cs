using TriageBot.Connector.Schema;

namespace TriageBot.Invokes;

/// <summary>Routes invoke activities to their handler by name (routes as data); an invoke nobody handles gets 501, as in the SDK.</summary>
public sealed class InvokeRouter(IEnumerable<IInvokeHandler> handlers)
{
    private readonly Dictionary<string, IInvokeHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);

    public Task<InvokeResponse> RouteAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.Name is { } name && _handlers.TryGetValue(name, out var handler)
            ? handler.HandleAsync(activity, cancellationToken)
            : Task.FromResult(InvokeResponse.NotImplemented);
}
