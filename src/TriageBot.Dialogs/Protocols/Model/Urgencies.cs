namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>How an urgency reads to staff ("within 5 school days").</summary>
public static class Urgencies
{
    public static string Text(Urgency urgency) => urgency switch
    {
        Urgency.Now => "now",
        Urgency.Today => "today",
        Urgency.Within24Hours => "within 24 hours",
        _ => "within 5 school days",
    };
}
