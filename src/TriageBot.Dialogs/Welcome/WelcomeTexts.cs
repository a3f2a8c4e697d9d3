namespace TriageBot.Dialogs.Welcome;

/// <summary>
/// What the welcome menu and the help and cancel commands say. The host supplies the emergency number from the
/// school's settings (UK 999 by default), so no number is fixed deep in code; later the region pack supplies the texts.
/// Short and safe: staff read these under stress. Nothing here may promise confidentiality.
/// </summary>
public sealed record WelcomeTexts(string EmergencyNumber = "999")
{
    public string Title { get; init; } = "TriageBot";

    private string DangerLine => $"If anyone is in immediate danger, call {EmergencyNumber} now.";

    public string Greeting => $"I help you follow the school's crisis protocol and reach the duty safeguarding lead. {DangerLine}";

    /// <summary>The help menu: what can be typed, with the menu's buttons.</summary>
    public string Help => $"Choose an option below. Type help at any time to see this, or cancel to stop what is running. {DangerLine}";

    /// <summary>Help asked in the middle of a question: the question is asked again right after this.</summary>
    public string HelpDuringDialog => $"You can type help or cancel at any time. Cancel stops what is running. {DangerLine}";

    /// <summary>The menu did not understand the answer (it may have been someone describing an emergency).</summary>
    public string MenuRetry => $"Please choose an option below. {DangerLine}";

    public string Cancelled { get; init; } = "Cancelled. Nothing is running now.";
}
