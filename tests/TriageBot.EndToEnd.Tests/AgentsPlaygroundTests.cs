using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// TriageBot as a person meets it in Teams: the real host on Kestrel, the Microsoft 365 Agents Playground in Teams mode
/// (channel msteams, no authentication) as the client, and Debian's headless Chromium driving the Playground's page.
/// Each test starts its own Playground with a fresh conversation id and its own browser; the bot is shared.
/// Screenshots land in screenshots/ under the test binaries; on failure the test output also gets the Playground's
/// stdout/stderr, the page's console and the bot's log.
/// </summary>
public sealed class AgentsPlaygroundTests(BotHost bot, ITestOutputHelper output) : IClassFixture<BotHost>
{
    private const string ReportAConcern = "Report a concern";
    private const string WhoIsOnDuty = "Who is on duty";
    private const string Help = "Help";

    [Fact]
    public Task Opening_the_chat_delivers_conversationUpdate_and_the_bot_welcomes_without_being_asked() =>
        WithPlaygroundAsync("welcome", async browser =>
        {
            var status = await browser.WaitForDeliveryToBotAsync("conversationUpdate");
            Assert.InRange(status, 200, 299);

            var welcome = await browser.WaitForBotMessagesAsync(1, "the welcome sent on conversationUpdate (membersAdded)");
            var text = OneLine(await welcome.InnerTextAsync());
            output.WriteLine("Welcome: " + text);
            Assert.Contains("immediate danger", text, StringComparison.OrdinalIgnoreCase);
            await AssertMenuButtonsAsync(welcome);
            Assert.Equal(0, await browser.UserMessages.CountAsync()); // nothing was typed
            output.WriteLine("Screenshot: " + await browser.ScreenshotAsync("playground-welcome"));
        });

    [Fact]
    public Task Typing_help_shows_the_menu_card_and_its_buttons_and_commands_get_answers() =>
        WithPlaygroundAsync("help", async browser =>
        {
            // Given the greeting the bot sent when the chat opened (so every later reply answers something we sent).
            await browser.WaitForBotMessagesAsync(1, "the greeting sent when the chat opened");

            // "help" brings the help menu card, naming what can be typed, with the safety line.
            var menu = await browser.SendAndWaitForReplyAsync("help");
            var menuText = OneLine(await menu.InnerTextAsync());
            output.WriteLine("Reply to help: " + menuText);
            Assert.Contains("immediate danger", menuText, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("cancel", menuText, StringComparison.OrdinalIgnoreCase);
            await AssertMenuButtonsAsync(menu);
            output.WriteLine("Screenshot: " + await browser.ScreenshotAsync("playground-help"));

            // Pressing a card button (Action.Submit) answers that choice; the answer is not the menu again.
            var shown = await browser.BotMessages.CountAsync();
            await PlaygroundBrowser.Button(menu, WhoIsOnDuty).ClickAsync();
            var answer = await browser.WaitForBotMessagesAsync(shown + 1, $"the bot's answer to the \"{WhoIsOnDuty}\" button");
            var answerText = OneLine(await answer.InnerTextAsync());
            output.WriteLine($"Answer to {WhoIsOnDuty}: " + answerText);
            Assert.Contains("duty", answerText, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, await PlaygroundBrowser.Button(answer, ReportAConcern).CountAsync());
            output.WriteLine("Screenshot: " + await browser.ScreenshotAsync("playground-on-duty"));

            // With nothing waiting, "help" opens the help menu, which names both global commands.
            var help = await browser.SendAndWaitForReplyAsync("help");
            var helpText = OneLine(await help.InnerTextAsync());
            output.WriteLine("Reply to help (nothing active): " + helpText);
            Assert.Contains("help", helpText, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("cancel", helpText, StringComparison.OrdinalIgnoreCase);
            await AssertMenuButtonsAsync(help);

            // "cancel" stops the menu and says so.
            var cancelled = await browser.SendAndWaitForReplyAsync("cancel");
            var cancelledText = OneLine(await cancelled.InnerTextAsync());
            output.WriteLine("Reply to cancel: " + cancelledText);
            Assert.Contains("cancel", cancelledText, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, await PlaygroundBrowser.Button(cancelled, ReportAConcern).CountAsync());
            output.WriteLine("Screenshot: " + await browser.ScreenshotAsync("playground-help-cancel"));
        });

    [Fact]
    public Task A_report_that_needs_the_lead_brings_the_leads_card_and_Approve_updates_it() =>
        WithPlaygroundAsync("lead-card", async browser =>
        {
            await browser.WaitForBotMessagesAsync(1, "the greeting sent when the chat opened");

            // The member of staff reports an acute positive ASQ (typed answers, as in Teams).
            (string Say, string Expect)[] report =
            [
                ("a year 9 girl told me she wants to die", "immediate danger right now"),
                ("no", "Which student?"),
                ("JB Y9", "Stay with the student"),
                ("done", "anything they could use"),
                ("no", "wished you were dead"),
                ("yes", "better off"),
                ("no", "thoughts about killing yourself"),
                ("no", "ever tried"),
                ("no", "right now?"),
                ("yes", "I am sending this report to"),
            ];
            foreach (var (say, expect) in report)
            {
                await SendAndWaitForTextAsync(browser, say, expect);
            }

            // In this school the person at the keyboard is also the duty lead: the card arrives in the same chat.
            var card = browser.Page.Locator("xpath=//*[contains(@class,'ac-adaptiveCard')][.//*[normalize-space(text())='Approve all' or normalize-space(.)='Approve all']]").Last;
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = (float)PlaygroundBrowser.WaitTimeout.TotalMilliseconds });
            var cardText = OneLine(await card.InnerTextAsync());
            output.WriteLine("Lead's card: " + cardText);
            Assert.Contains("Emergency now", cardText, StringComparison.Ordinal);
            Assert.Contains("JB Y9", cardText, StringComparison.Ordinal);
            Assert.Contains("Emergency services", cardText, StringComparison.Ordinal);
            output.WriteLine("Screenshot: " + await browser.ScreenshotAsync("playground-lead-card"));

            // Approve (Action.Execute): the card is replaced by the decided card, saying who decided.
            await PlaygroundBrowser.Button(card, "Approve all").ClickAsync();
            var decided = browser.Page.GetByText("approved", new() { Exact = false }).First;
            await Assertions.Expect(decided).ToBeVisibleAsync(new() { Timeout = (float)PlaygroundBrowser.WaitTimeout.TotalMilliseconds });
            output.WriteLine("Screenshot: " + await browser.ScreenshotAsync("playground-lead-card-approved"));
        });

    /// <summary>Types a message and waits until some bot message after it contains <paramref name="expected"/>.</summary>
    private static async Task SendAndWaitForTextAsync(PlaygroundBrowser browser, string text, string expected)
    {
        await browser.SendAndWaitForReplyAsync(text);
        var deadline = DateTimeOffset.UtcNow + PlaygroundBrowser.WaitTimeout;
        while (true)
        {
            var replies = await browser.RepliesToLastUserMessage.AllInnerTextsAsync();
            if (replies.Any(reply => reply.Contains(expected, StringComparison.Ordinal)))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No reply to \"{text}\" contained \"{expected}\". Replies: {string.Join(" | ", replies.Select(OneLine))}");
            }

            await Task.Delay(200);
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task AssertMenuButtonsAsync(ILocator message)
    {
        await Assertions.Expect(PlaygroundBrowser.Button(message, ReportAConcern)).ToBeVisibleAsync();
        await Assertions.Expect(PlaygroundBrowser.Button(message, WhoIsOnDuty)).ToBeVisibleAsync();
        await Assertions.Expect(PlaygroundBrowser.Button(message, Help)).ToBeVisibleAsync();
    }

    /// <summary>
    /// Starts a Playground against the bot, opens its personal chat in Chromium and runs <paramref name="scenario"/>;
    /// on failure saves a screenshot named after <paramref name="name"/> and writes everything captured to the test output.
    /// </summary>
    private async Task WithPlaygroundAsync(string name, Func<PlaygroundBrowser, Task> scenario)
    {
        using var timeout = new CancellationTokenSource(PlaygroundProcess.StartTimeout);
        await using var playground = await PlaygroundProcess.StartAsync(bot.MessagesEndpoint, timeout.Token);
        output.WriteLine($"Bot: {bot.MessagesEndpoint}  Playground: {playground.BaseAddress}  conversation: {playground.ConversationId}");

        PlaygroundBrowser? browser = null;
        try
        {
            browser = await PlaygroundBrowser.LaunchAsync();
            await browser.OpenPersonalChatAsync(playground.BaseAddress);
            await scenario(browser);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (browser is not null)
            {
                await TryScreenshotAsync(browser, $"playground-{name}-failure");
                output.WriteLine(browser.Console.Dump());
            }

            output.WriteLine(playground.Output.Dump());
            output.WriteLine(bot.Log.Dump());
            throw;
        }
        finally
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }
        }
    }

    private async Task TryScreenshotAsync(PlaygroundBrowser browser, string name)
    {
        try
        {
            output.WriteLine("Screenshot: " + await browser.ScreenshotAsync(name));
        }
        catch (PlaywrightException e)
        {
            output.WriteLine("(no failure screenshot: " + e.Message + ")");
        }
    }
}
