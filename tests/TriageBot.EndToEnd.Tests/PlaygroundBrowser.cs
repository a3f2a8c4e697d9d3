using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// Debian's headless Chromium (never a downloaded browser) driven by Microsoft.Playwright on the Agents Playground's
/// page: opens the personal chat, types into the Lexical composer, finds replies and card buttons, saves screenshots,
/// and records the page's console for failure reports.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    /// <summary>The longest any single wait on the page may take.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(20);

    private const string Composer = "[data-lexical-editor=\"true\"][role=\"textbox\"]";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private PlaygroundBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
        page.Console += (_, message) => Console.Add($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => Console.Add("[pageerror] " + error);
        page.RequestFailed += (_, request) => Console.Add($"[requestfailed] {request.Method} {request.Url}: {request.Failure}");
    }

    public IPage Page { get; }

    /// <summary>The page's console messages, uncaught errors and failed requests.</summary>
    public CapturedLog Console { get; } = new("page console");

    /// <summary>Where screenshots go: screenshots/ under the test binaries.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<PlaygroundBrowser> LaunchAsync()
    {
        var chromium = RepositoryRoot.RequireChromium();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = (float)WaitTimeout.TotalMilliseconds,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Locale = "en-GB",
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)WaitTimeout.TotalMilliseconds);
            return new PlaygroundBrowser(playwright, browser, page);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens the Playground's UI and makes sure the personal chat with the bot is the open conversation.</summary>
    public async Task OpenPersonalChatAsync(Uri playgroundAddress)
    {
        await Page.GotoAsync(playgroundAddress.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        // 0.2.28 opens the personal chat by default; its tree item carries no selected state, so pick it explicitly
        // (harmless when already open: no second conversationUpdate is sent).
        var personalChat = Page.GetByRole(AriaRole.Treeitem, new PageGetByRoleOptions { Name = "Personal Chat", Exact = true });
        await personalChat.ClickAsync();
        await Page.Locator(Composer).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    /// <summary>Types a message in the composer and sends it with Enter, as a person would.</summary>
    public async Task SendAsync(string text)
    {
        var composer = Page.Locator(Composer);
        await composer.ClickAsync();
        await composer.PressSequentiallyAsync(text);
        await composer.PressAsync("Enter");
    }

    // A message's header names its author only for the bot's messages; a person's own messages show just the time.
    private const string Header = "//*[@aria-label='Message header']";
    private const string Author = "*[@aria-label='Message author']";
    private const string UserHeaders = "(" + Header + "[not(.//" + Author + ")])";

    // From a bot message's author, the nearest ancestor that also holds the body (text or card: an "OutputCard").
    private const string MessageOfAuthor =
        "/ancestor::*[.//*[contains(concat(' ', normalize-space(@class), ' '), ' fai-OutputCard ')]][1]";

    /// <summary>
    /// The bot's messages in the open chat, oldest first, each the element holding the message's header and body.
    /// The same text also shows in the chat list preview and the log panel; these locators see only the chat.
    /// </summary>
    public ILocator BotMessages => Page.Locator("xpath=//" + Author + MessageOfAuthor);

    /// <summary>The headers of the messages the person sent, oldest first.</summary>
    public ILocator UserMessages => Page.Locator("xpath=" + UserHeaders);

    /// <summary>The bot's messages shown after the person's most recent message, oldest first.</summary>
    public ILocator RepliesToLastUserMessage =>
        Page.Locator("xpath=" + UserHeaders + "[last()]/following::" + Author + MessageOfAuthor);

    /// <summary>A button (card action) by its accessible name, within <paramref name="scope"/>.</summary>
    public static ILocator Button(ILocator scope, string name) =>
        scope.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = name, Exact = true });

    /// <summary>
    /// Types <paramref name="text"/>, waits until the chat shows it as sent and then for the bot's first message after
    /// it, and returns that message.
    /// </summary>
    public async Task<ILocator> SendAndWaitForReplyAsync(string text)
    {
        var sentBefore = await UserMessages.CountAsync();
        await SendAsync(text);
        await WaitForCountAsync(UserMessages, sentBefore + 1, $"\"{text}\" to show in the chat as sent");
        await WaitForCountAsync(RepliesToLastUserMessage, 1, $"the bot's reply to \"{text}\"");
        return RepliesToLastUserMessage.First;
    }

    /// <summary>Waits until the chat shows at least <paramref name="count"/> bot messages; returns the newest.</summary>
    public async Task<ILocator> WaitForBotMessagesAsync(int count, string waitingFor)
    {
        var seen = await WaitForCountAsync(BotMessages, count, waitingFor);
        return BotMessages.Nth(seen - 1);
    }

    /// <summary>Polls until <paramref name="locator"/> matches at least <paramref name="count"/> elements; returns the count.</summary>
    private static async Task<int> WaitForCountAsync(ILocator locator, int count, string waitingFor)
    {
        var deadline = DateTimeOffset.UtcNow + WaitTimeout;
        int seen;
        while ((seen = await locator.CountAsync()) < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Waited {WaitTimeout.TotalSeconds:0} s for {waitingFor}: found {seen} matching element(s), expected at least {count}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return seen;
    }

    /// <summary>
    /// Waits until the Playground's log panel records that it delivered an activity of <paramref name="activityType"/>
    /// to the bot ("... -> User Application conversationUpdate 200"), and returns the HTTP status the bot answered.
    /// </summary>
    public async Task<int> WaitForDeliveryToBotAsync(string activityType)
    {
        var pattern = new Regex(Regex.Escape(activityType) + @" (\d{3})\b");
        var entry = Page.GetByText(pattern).First;
        await entry.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var match = pattern.Match(await entry.InnerTextAsync());
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Saves a full-page PNG under <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone.
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
