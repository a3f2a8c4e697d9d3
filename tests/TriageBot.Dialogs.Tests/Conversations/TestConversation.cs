using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Conversations;

/// <summary>
/// Drives a bot turn by turn like a transcript: <c>await conversation.Send("hi"); conversation.AssertReply(...)</c>.
/// The dialog state goes through JSON between every turn, as it does through the store, so a dialog that kept
/// anything in memory would fail here.
/// </summary>
internal sealed class TestConversation(IConversationBot bot)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public static readonly Participant Staff = new("29:teacher", "A Teacher", "aad-1");
    private readonly List<IncidentEvent> _allEvents = [];
    private string _stateJson = JsonSerializer.Serialize(DialogState.Empty(), Json);

    public IReadOnlyList<BotReply> Replies { get; private set; } = [];

    /// <summary>The incident events the last turn recorded.</summary>
    public IReadOnlyList<IncidentEvent> Events { get; private set; } = [];

    /// <summary>Every incident event recorded in this conversation, in order.</summary>
    public IReadOnlyList<IncidentEvent> AllEvents => _allEvents;

    /// <summary>The stored state as JSON text, as the store would hold it.</summary>
    public string StateJson => _stateJson;

    /// <summary>A copy of this conversation at this point, to try another answer without disturbing this one.</summary>
    public TestConversation Fork()
    {
        var copy = new TestConversation(bot) { _stateJson = _stateJson, Replies = Replies };
        copy._allEvents.AddRange(_allEvents);
        return copy;
    }

    /// <summary>The turn's only reply (fails if there were none or several).</summary>
    public BotReply Reply => Assert.Single(Replies);

    /// <summary>A fresh copy of the stored state, as the next turn will see it.</summary>
    public DialogState State => JsonSerializer.Deserialize<DialogState>(_stateJson, Json)!;

    public IEnumerable<string> StackIds => State.Stack.Select(instance => instance.Id);

    public Task Start() => RunAsync(new TurnInput(TurnKind.ConversationStarted, null, null, Staff, "conv-1"));

    public Task Send(string text) => RunAsync(TurnInput.Message(text, Staff, "conv-1"));

    /// <summary>Presses a card button for a choice.</summary>
    public Task Press(string choiceValue) => RunAsync(new TurnInput(
        TurnKind.Message, null, new JsonObject { [ChoiceCardData.ChoiceKey] = choiceValue }, Staff, "conv-1"));

    public void AssertReply(string expectedText) => Assert.Equal(expectedText, Reply.Text);

    public void AssertReply(Action<BotReply> inspect) => inspect(Reply);

    public void AssertReplies(params string[] expectedTexts) => Assert.Equal(expectedTexts, Replies.Select(reply => reply.Text));

    private async Task RunAsync(TurnInput input)
    {
        var state = JsonSerializer.Deserialize<DialogState>(_stateJson, Json)!;
        var result = await bot.OnTurnAsync(input, state, CancellationToken.None);
        _stateJson = JsonSerializer.Serialize(result.State, Json);
        Replies = result.Replies;
        Events = result.Events;
        _allEvents.AddRange(result.Events);
    }
}
