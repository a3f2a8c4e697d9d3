using TriageBot.Dialogs.Turns;

namespace TriageBot.Tests.Infrastructure;

/// <summary>
/// A stand-in for the dialogs, for tests of the turn pipeline itself: counts turns in the conversation state
/// (so a lost update shows as a wrong count), answers "turn N", and throws when told "boom".
/// </summary>
internal sealed class ScriptedBot : IConversationBot
{
    public async Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken)
    {
        if (input.Text == "boom")
        {
            throw new InvalidOperationException("boom: this message text must never reach a log line");
        }

        var count = (state.Values["count"]?.GetValue<int>() ?? 0) + 1;
        state.Values["count"] = count;

        // Widen the window in which two unserialised turns would overlap.
        await Task.Yield();
        return new TurnResult(state, [new BotReply($"turn {count}")]);
    }
}
