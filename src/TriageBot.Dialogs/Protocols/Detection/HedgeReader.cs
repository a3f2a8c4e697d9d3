using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>
/// Reads the clause just before a matched phrase (back to a comma, "and", "but" or the start of the sentence) for a
/// denial, a hypothetical or someone else (<see cref="DetectionHedge"/>). Deliberately narrow: "she said she wants to
/// die" and "if she goes home she will kill herself" are plain reports, and a hedge only ever makes the bot ask.
/// </summary>
internal static class HedgeReader
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex ClauseBreak = new(@"[,;:.!?\n]|\b(and|but|so|because|then)\b", Options, MatchTimeout);

    private static readonly Regex Negation = new(@"\b(not|never|no\s+longer|denies|denied)\b|n't\b|\b(dont|doesnt|didnt|isnt|wasnt|hasnt|havent|wont)\b", Options, MatchTimeout);

    private static readonly Regex Hypothetical = new(
        @"\bwhat\s+if\b|\bpretend\w*|\bjok(e|es|ed|ing)\b|\bin\s+(a|the)\s+(film|game|story|book|video|play)\b|\b(lesson|essay|project|assembly)\s+(about|on)\b|\bworried\s+(that\s+)?(she|he|they|someone)\s+(might|may|could)\b",
        Options, MatchTimeout);

    // Peers and siblings: parents, uncles and the like are left out on purpose, since they are often the ones who
    // harm ("her uncle sexually assaulted her" is about the student).
    private static readonly Regex ThirdParty = new(
        @"\b(her|his|their|my|a)\s+(best\s+)?(friend|friends|mate|classmate|brother|sister|cousin|boyfriend|girlfriend)\b|\bfriend's\b|\bsomeone\s+else\b",
        Options, MatchTimeout);

    public static DetectionHedge Before(string text, int matchStart)
    {
        var before = text[..matchStart];
        var breaks = ClauseBreak.Matches(before);
        var clause = breaks.Count == 0 ? before : before[(breaks[^1].Index + breaks[^1].Length)..];
        if (Negation.IsMatch(clause))
        {
            return DetectionHedge.Negated;
        }

        if (Hypothetical.IsMatch(clause))
        {
            return DetectionHedge.Hypothetical;
        }

        return ThirdParty.IsMatch(clause) ? DetectionHedge.ThirdParty : DetectionHedge.None;
    }
}
