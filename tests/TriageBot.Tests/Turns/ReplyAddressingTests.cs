using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Turns;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Turns;

/// <summary>Replies go where the Bot Framework expects them, addressed as the SDK addresses them (PROTOCOL.md 1.6, 3.1).</summary>
public sealed class ReplyAddressingTests
{
    [Fact]
    public async Task ReplyToAMessage_GoesToActivitiesReplyToId_WithFromAndRecipientSwapped()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = await TestBotHost.StartAsync(overrideServices: services => services.AddSingleton<IConversationBot, ScriptedBot>());
        var conversationId = "19:abc@thread.tacv2;messageid=17|livechat";
        var message = Activities.Message(connector.ServiceUrl, conversationId, "hello");
        var messageId = message["id"]!.GetValue<string>();

        var response = await bot.Client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/connector/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{messageId}", call.RawPath);
        Assert.Equal(Activities.BotId, call.Body!["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, call.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(conversationId, call.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(messageId, call.Body["replyToId"]!.GetValue<string>());
        Assert.Equal("message", call.Body["type"]!.GetValue<string>());
        Assert.Null(call.Body["id"]);
        Assert.Empty(call.Authorization);
    }
}
