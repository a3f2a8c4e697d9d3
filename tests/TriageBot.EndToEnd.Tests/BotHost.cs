using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Hosting;

namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// The real TriageBot host, built by <see cref="TriageBotApplication.Build"/> and started in-process on Kestrel at a free
/// loopback port, with a private SQLite database and no Bot Framework credentials (no authentication either way, as
/// the Agents Playground expects). Shared by the tests of a class; each test uses its own conversation id.
/// </summary>
public sealed class BotHost : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "triagebot-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    /// <summary>What the bot logged (when its logger factory accepts an extra provider).</summary>
    public CapturedLog Log { get; } = new("bot log");

    /// <summary>The bound address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The Bot Framework messaging endpoint the Playground posts activities to.</summary>
    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--ConnectionStrings:TriageBot=Data Source={Path.Combine(dataDirectory, "triagebot.db")}",
            "--MicrosoftAppId=",
            "--MicrosoftAppPassword=",
            "--MicrosoftAppTenantId=",
            $"--Logging:File:Path={Path.Combine(dataDirectory, "logs", "triagebot-.json")}",
            $"--Protocols:Folder={ContentWithPlaygroundLead()}",
            "--Admin:ApiKeys:0:Name=end-to-end",
            $"--Admin:ApiKeys:0:Sha256={AdminApiKeySha256}",
        ];

        app = TriageBotApplication.Build(args);
        CaptureLogs(app);

        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        BaseAddress = new Uri(ReadBoundAddress(app));
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await app.StopAsync(timeout.Token);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held open; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>The admin API key these tests use (the bot is configured with its SHA-256 only).</summary>
    public const string AdminApiKey = "e2e-outcomes-key-5d1c";

    private const string AdminApiKeySha256 = "1148f9b839bf34f9eb2d64d438d2fdeaa0d1679e8047c63c6b4be3ad5cd67b9a";

    /// <summary>The Playground's first mock user (Alex Wilber), who signs in to the chat the tests open.</summary>
    public const string PlaygroundUserAadObjectId = "00000000-0000-0000-0000-0000000000020";

    /// <summary>
    /// The shipped content, with the rota's designated safeguarding lead given the Playground user's Entra object id: in
    /// these tests the person at the keyboard is both the member of staff and the duty lead, so the lead's card arrives
    /// in the same chat.
    /// </summary>
    private string ContentWithPlaygroundLead()
    {
        var source = System.IO.Path.Combine(RepositoryRoot.Path, "protocols");
        var copy = System.IO.Path.Combine(dataDirectory, "protocols");
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(copy, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var rota = System.IO.Path.Combine(copy, "rota.yaml");
        File.WriteAllText(rota, File.ReadAllText(rota).Replace("    email: dsl@example.org", $"    aad_object_id: \"{PlaygroundUserAadObjectId}\"", StringComparison.Ordinal));
        return copy;
    }

    private static string ReadBoundAddress(WebApplication app)
    {
        var addresses = app.Urls.Count > 0
            ? app.Urls
            : app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The bot started but reported no http address: " + string.Join(", ", addresses));
        return address.TrimEnd('/');
    }

    private void CaptureLogs(WebApplication application)
    {
        try
        {
            application.Services.GetRequiredService<ILoggerFactory>().AddProvider(new CapturedLogProvider(Log));
        }
        catch (NotSupportedException)
        {
            Log.Add("(this logger factory does not accept extra providers; the bot's own sinks still write its log)");
        }
        catch (InvalidOperationException)
        {
            Log.Add("(this logger factory does not accept extra providers; the bot's own sinks still write its log)");
        }
    }

    private sealed class CapturedLogProvider(CapturedLog log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturedLogger(log, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturedLogger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            log.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}");
        }
    }
}
