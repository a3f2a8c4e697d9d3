namespace TriageBot.Dialogs.Welcome;

/// <summary>
/// What the welcome and help menu say. The host supplies them from the school's settings (the emergency number comes
/// from its region), so no number is fixed in code. Short and safe: staff read these under stress.
/// </summary>
public sealed record WelcomeTexts(string EmergencyNumber)
{
    public string Title { get; init; } = "TriageBot";

    public string Greeting =>
        $"I help you follow the school's crisis protocol and reach the duty safeguarding lead. If anyone is in immediate danger, call {EmergencyNumber} now.";

    public string Help =>
        $"Choose below, or type what is happening. Type help to see this again, or cancel to stop. If anyone is in immediate danger, call {EmergencyNumber} now.";

    public string ReportNotAvailable =>
        $"Reporting through TriageBot is not switched on yet. Tell your designated safeguarding lead directly, now. If anyone is in immediate danger, call {EmergencyNumber}.";

    public string RotaNotAvailable { get; init; } =
        "The duty rota is not set up in TriageBot yet. Contact the school office to reach the designated safeguarding lead.";

    public string Cancelled { get; init; } = "Cancelled. Nothing is running now. Type help to see the menu.";
}
