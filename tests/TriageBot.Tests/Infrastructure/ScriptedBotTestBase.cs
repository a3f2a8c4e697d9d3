using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Tests.Infrastructure;

/// <summary>A recording connector and the real host with <see cref="ScriptedBot"/> behind it, started for each test.</summary>
public abstract class ScriptedBotTestBase : IAsyncLifetime
{
    internal RecordingConnector Connector { get; private set; } = null!;

    internal TestBotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await RecordingConnector.StartAsync();
        Bot = await TestBotHost.StartAsync(overrideServices: services => services.AddSingleton<IConversationBot, ScriptedBot>());
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
