namespace TriageBot.Dialogs.Turns;

/// <summary>The data key a choice button puts in its Action.Submit / Action.Execute data, read back by the prompts.</summary>
public static class ChoiceCardData
{
    public const string ChoiceKey = "triagebotChoice";
}
