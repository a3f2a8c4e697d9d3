using System.Text.Json.Nodes;
using TriageBot.Dialogs.Tests.Conversations;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>
/// Walks the triage conversation like a member of staff pressing every button and typing every kind of free answer,
/// from a report started by each route, and yields each distinct waiting point once (a conversation forked there).
/// Distinct means a different dialog state, ignoring ids and times.
/// </summary>
internal static class TriageExplorer
{
    public const int MaxStates = 4000;

    public static async Task<List<(TestConversation Conversation, IReadOnlyList<BotReply> Replies)>> ReachableStatesAsync(string region = "uk")
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<(TestConversation, IReadOnlyList<BotReply>)>();
        var queue = new Queue<TestConversation>();

        foreach (var start in StartingMessages())
        {
            var (conversation, _) = TriageTestBot.Create(region);
            await start(conversation);
            queue.Enqueue(conversation);
        }

        while (queue.Count > 0 && found.Count < MaxStates)
        {
            var conversation = queue.Dequeue();
            if (conversation.State.Stack.Count == 0 || !seen.Add(Key(conversation)))
            {
                continue;
            }

            found.Add((conversation, conversation.Replies));
            foreach (var next in await NextAsync(conversation))
            {
                queue.Enqueue(next);
            }
        }

        return found;
    }

    private static IEnumerable<Func<TestConversation, Task>> StartingMessages()
    {
        yield return c => c.Send("report");
        yield return c => c.Send("a year 9 girl told me she wants to die");
        yield return c => c.Send("emergency");
        foreach (var protocol in Protocols.RepositoryContent.Catalog.Protocols)
        {
            yield return c => c.Send(protocol.Triggers[0].TrimEnd('*'));
        }
    }

    private static async Task<List<TestConversation>> NextAsync(TestConversation conversation)
    {
        var next = new List<TestConversation>();
        var last = conversation.Replies[^1];
        foreach (var choice in last.Choices ?? [])
        {
            if (choice.Value.StartsWith("command:", StringComparison.Ordinal))
            {
                continue;
            }

            var fork = conversation.Fork();
            await fork.Press(choice.Value);
            next.Add(fork);
        }

        // Free-text questions: a student reference, a reason.
        foreach (var typed in new[] { "JB Y9", "nobody else was free" })
        {
            var fork = conversation.Fork();
            await fork.Send(typed);
            next.Add(fork);
        }

        var cancelling = conversation.Fork();
        await cancelling.Send("cancel");
        next.Add(cancelling);
        return next;
    }

    private static string Key(TestConversation conversation)
    {
        var state = JsonNode.Parse(conversation.StateJson)!;
        foreach (var instance in state["stack"]!.AsArray())
        {
            if (instance!["state"]?["triage"] is JsonObject triage)
            {
                triage.Remove("incidentId");
                triage.Remove("startedAt");
                triage.Remove("lastActivityAt");
            }
        }

        return state.ToJsonString();
    }
}
