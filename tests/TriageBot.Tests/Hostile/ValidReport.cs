namespace TriageBot.Tests.Hostile;

/// <summary>
/// A whole report a member of staff types (the path of Transcripts/suicidal-thoughts.non-acute.transcript, buttons
/// typed as their titles): after any amount of hostile input, this must still end with its summary.
/// Shared with bench/TriageBot.Bench (linked).
/// </summary>
public static class ValidReport
{
    public const string SummaryTitle = "Summary: Suicidal thoughts or talk of suicide";

    public static IReadOnlyList<string> Typed { get; } =
    [
        "a year 8 girl said she wishes she was dead", "No", "KD Y8", "done", "No, or not that I know of",
        "she never wants to wake up", "yes", "she said she does not care if she dies", "did not want to answer",
        "not really", "no", "she wishes she was never born", "No", "No", "done", "No. The duty lead contacts home today",
        "mum is supportive, she asked us to call", "done", "done",
    ];
}
