using TriageBot.Dialogs.Turns;

namespace TriageBot.Incidents;

/// <summary>The actor of events the bot records on its own (a task made by a rule, an incident closed, a reminder sent).</summary>
public static class SystemActor
{
    public static Participant TriageBot { get; } = new("triagebot", "TriageBot");
}
