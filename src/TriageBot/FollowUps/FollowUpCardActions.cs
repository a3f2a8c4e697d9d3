using System.Text.Json.Nodes;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Turns;

namespace TriageBot.FollowUps;

/// <summary>
/// Presses on a follow-up card: Action.Execute invokes (answered with the refreshed card, so Teams replaces it in place)
/// and Action.Submit messages from clients without Universal Actions (answered with a short text).
/// </summary>
public sealed class FollowUpCardActions(FollowUpChanges changes, FollowUpCards cards, IConnectorClient connector)
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private const string MessageType = "application/vnd.microsoft.activity.message";
    private const string ErrorType = "application/vnd.microsoft.error";

    public async Task<InvokeResponse> HandleExecuteAsync(Activity activity, JsonObject data, string? verb, CancellationToken cancellationToken)
    {
        var (change, problem) = FollowUpChangeReader.Read(data, verb);
        if (change is null)
        {
            return Answer(400, ErrorType, new JsonObject { ["code"] = "BadRequest", ["message"] = $"This card action was refused: {problem}." });
        }

        var outcome = await changes.ApplyAsync(change, Who(activity), cancellationToken);
        return outcome.Result is FollowUpChangeResult.Changed or FollowUpChangeResult.AlreadyDone && outcome.Task is { } task
            ? Answer(200, CardType, await cards.ReminderAsync(task, overdue: false, cancellationToken))
            : Answer(200, MessageType, JsonValue.Create(outcome.Message));
    }

    /// <summary>Handles an Action.Submit press on a follow-up card; false when the data is not a follow-up's.</summary>
    public async Task<bool> TryHandleSubmitAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Message || activity.Value is not JsonObject data || !FollowUpChangeReader.IsFollowUpAction(data))
        {
            return false;
        }

        var (change, problem) = FollowUpChangeReader.Read(data);
        var text = change is null
            ? $"This card action was refused: {problem}."
            : (await changes.ApplyAsync(change, Who(activity), cancellationToken)).Message;
        var reply = activity.CreateReply();
        reply.Text = text;
        await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, reply, cancellationToken);
        return true;
    }

    private static Participant Who(Activity activity) => new(activity.From?.Id ?? string.Empty, activity.From?.Name, activity.From?.AadObjectId);

    private static InvokeResponse Answer(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
