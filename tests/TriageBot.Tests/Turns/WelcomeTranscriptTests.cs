using System.Net;
using System.Text.Json.Nodes;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Turns;

/// <summary>The real dialogs through the real endpoint, read like a conversation in the Emulator.</summary>
public sealed class WelcomeTranscriptTests
{
    [Fact]
    public async Task EmulatorOpensAConversation_GetsTheWelcomeCard_ThenHelpAndAButtonPressWork()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = await TestBotHost.StartAsync();
        const string conversation = "8a684db0-b1a3-11ee-a506|livechat";

        // The Emulator opens a conversation: one conversationUpdate with both bot and user added.
        var opened = Activities.ConversationUpdate(connector.ServiceUrl, conversation);
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.PostAsync(opened)).StatusCode);
        var welcome = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.EndsWith($"/activities/{opened["id"]}", welcome.RawPath, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", welcome.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", welcome.Card!["version"]!.GetValue<string>());
        Assert.Contains("call 999 now", welcome.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["Report a concern", "Who is on duty", "Help"], ButtonTitles(welcome.Card));

        // "help" shows the menu again and says what can be typed.
        await bot.Client.PostAsync(Activities.Message(connector.ServiceUrl, conversation, "help"));
        var help = (await connector.WaitForCallsAsync(2))[1];
        Assert.Contains("cancel", help.Card!.ToJsonString(), StringComparison.Ordinal);

        // Pressing "Who is on duty" sends the button's data as the message value, with no text (Action.Submit).
        var press = Activities.Message(connector.ServiceUrl, conversation, "");
        press.Remove("text");
        press["value"] = welcome.Card["actions"]![1]!["data"]!.DeepClone();
        await bot.Client.PostAsync(press);
        var answer = (await connector.WaitForCallsAsync(3))[2];
        Assert.Contains("Sam Taylor (designated safeguarding lead)", answer.Text, StringComparison.Ordinal);

        // Typed the same way, it answers the same.
        await bot.Client.PostAsync(Activities.Message(connector.ServiceUrl, conversation, "who is on duty?"));
        // (Compared without the time of day in it, which may have moved on a minute.)
        var typed = (await connector.WaitForCallsAsync(4))[3].Text!;
        Assert.Equal(answer.Text![answer.Text!.IndexOf(')', StringComparison.Ordinal)..], typed[typed.IndexOf(')', StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task TeamsChannel_NewTeamMember_GetsNoWelcome_ButTheBotBeingAddedDoes()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = await TestBotHost.StartAsync();
        var memberJoined = Activities.ConversationUpdate(connector.ServiceUrl, "19:staff@thread.tacv2", "msteams");
        memberJoined["conversation"]!["conversationType"] = "channel";
        memberJoined["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:new-teacher" });
        var botAdded = memberJoined.DeepClone().AsObject();
        botAdded["id"] = "cu-bot";
        botAdded["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });

        await bot.Client.PostAsync(memberJoined);
        await bot.Client.PostAsync(botAdded);

        var calls = await connector.WaitForCallsAsync(1);
        await Task.Delay(200);
        Assert.Single(connector.Calls);
        Assert.EndsWith("/activities/cu-bot", calls[0].RawPath, StringComparison.Ordinal);
    }

    private static string[] ButtonTitles(JsonNode card) =>
        [.. card["actions"]!.AsArray().Select(action => action!["title"]!.GetValue<string>())];
}
