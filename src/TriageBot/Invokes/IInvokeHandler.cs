using TriageBot.Connector.Schema;

namespace TriageBot.Invokes;

/// <summary>Answers one kind of invoke activity (by its name); the answer becomes the HTTP status and body.</summary>
public interface IInvokeHandler
{
    string Name { get; }

    Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken);
}
