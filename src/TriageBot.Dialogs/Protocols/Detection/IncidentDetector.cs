using System.Text.RegularExpressions;
using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>
/// Picks incident types from free text by the trigger phrases in the protocol files: whole words, any case, spaces
/// and hyphens alike ("self harm" = "self-harm"), curly and straight apostrophes alike; a trailing <c>*</c> matches
/// the beginning of a word ("suicid*" matches "suicidal"). It does not understand negation ("she does not want to
/// die" still matches): staff choose or confirm, the bot never decides an incident is nothing.
/// </summary>
public sealed class IncidentDetector
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly List<(IncidentProtocol Protocol, List<(string Trigger, Regex Pattern)> Triggers)> _protocols;

    public IncidentDetector(IEnumerable<IncidentProtocol> protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        _protocols = protocols
            .Select(p => (p, p.Triggers.Select(t => (t, PatternFor(t))).ToList()))
            .ToList();
    }

    public IncidentDetection Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IncidentDetection([]);
        }

        var normalised = Normalise(text);
        var candidates = new List<(IncidentCandidate Candidate, int Longest, int Order)>();
        for (var i = 0; i < _protocols.Count; i++)
        {
            var (protocol, triggers) = _protocols[i];
            var matched = triggers.Where(t => t.Pattern.IsMatch(normalised)).Select(t => t.Trigger).ToList();
            if (matched.Count > 0)
            {
                candidates.Add((new IncidentCandidate(protocol, matched), matched.Max(m => m.Length), i));
            }
        }

        // More distinct phrases first, then the longest (most specific) phrase, then the order of the files.
        return new IncidentDetection(candidates
            .OrderByDescending(c => c.Candidate.MatchedTriggers.Count)
            .ThenByDescending(c => c.Longest)
            .ThenBy(c => c.Order)
            .Select(c => c.Candidate)
            .ToList());
    }

    private static string Normalise(string text) => text.Replace('\u2019', '\'').Replace('\u2018', '\'');

    private static Regex PatternFor(string trigger)
    {
        var prefix = trigger.EndsWith('*');
        var words = Normalise(trigger.TrimEnd('*'))
            .Split([' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Regex.Escape);
        var body = string.Join(@"[\s\-]+", words);
        var pattern = @"(?<![\p{L}\p{N}])" + body + (prefix ? @"[\p{L}\p{N}]*" : string.Empty) + @"(?![\p{L}\p{N}])";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }
}
