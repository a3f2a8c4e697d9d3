namespace TriageBot.Connector.Tests.Schema;

/// <summary>
/// Activity payloads in the shapes Teams, the Bot Framework Emulator and the Agents Playground send
/// (PROTOCOL.md sections 1, 5 and 6; REAL-CLIENTS.md). Ids and tenants are made up; field names, nesting and value
/// shapes follow the captures. future-fields.json stands for protocol additions we cannot know yet (spec A2005).
/// </summary>
internal static class Fixtures
{
    public static readonly IReadOnlyList<string> Captured =
    [
        "teams-personal-message.json",
        "teams-channel-message-mention.json",
        "teams-conversation-update-members-added.json",
        "teams-installation-update-add.json",
        "teams-adaptive-card-action-invoke.json",
        "teams-action-submit-message.json",
        "teams-message-reaction.json",
        "emulator-conversation-update.json",
        "emulator-message.json",
        "playground-conversation-update.json",
        "playground-message.json",
        "future-fields.json",
        "every-field.json",
    ];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Schema", "Fixtures");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}
