using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Welcome;

/// <summary>The menu offered on welcome and help: its choices and their stable values.</summary>
public static class WelcomeMenu
{
    public const string Report = "report";
    public const string Duty = "duty";
    public const string Help = "help";

    /// <summary>Not a button: the message described an incident, so the menu hands it to a new report.</summary>
    public const string Describe = "describe";

    public static IReadOnlyList<Choice> Choices { get; } =
    [
        new(Report, "Report a concern", ["report", "concern", "incident", "worried"]),
        new(Duty, "Who is on duty", ["duty", "rota", "who is on duty", "dsl"]),
        new(Help, "Help", ["menu"]),
    ];
}
