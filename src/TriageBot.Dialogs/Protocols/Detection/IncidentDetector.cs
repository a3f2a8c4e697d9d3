using System.Text.RegularExpressions;
using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>
/// Picks incident types from free text by the trigger phrases in the protocol files: whole words, any case, spaces
/// and hyphens alike ("self harm" = "self-harm"), curly and straight apostrophes alike; a trailing <c>*</c> matches
/// the beginning of a word ("suicid*" matches "suicidal").
/// <list type="bullet">
/// <item>A trigger pair counts when both of its kinds occur ("Mr" and "touched").</item>
/// <item>A trigger inside one of the protocol's not_triggers ("missing lessons") does not count.</item>
/// <item>A type whose every match lies inside a longer match of another type is dropped: "sexually assaulted" is
/// abuse, not violence ("assault*").</item>
/// </list>
/// A match denied, imagined or told of someone else ("she doesn't want to die", "her friend is self-harming") is still
/// a candidate, marked with its <see cref="DetectionHedge"/>, so staff are asked: the bot never decides an incident is
/// nothing, and never starts one the words may not mean.
/// </summary>
public sealed class IncidentDetector
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly List<ProtocolPatterns> _protocols;

    /// <param name="protocols">Most urgent first: when a message names several types, they are offered in this order.</param>
    public IncidentDetector(IEnumerable<IncidentProtocol> protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        _protocols = protocols.Select(ProtocolPatterns.For).ToList();
    }

    public IncidentDetection Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IncidentDetection([]);
        }

        var normalised = Normalise(text);
        var found = new List<Found>();
        for (var i = 0; i < _protocols.Count; i++)
        {
            if (_protocols[i].Match(normalised) is { Phrases.Count: > 0 } matched)
            {
                found.Add(matched with { Order = i });
            }
        }

        // A type matched only inside another type's longer phrase is that other type.
        var kept = found.Where(candidate => !found.Any(other => other != candidate && Covers(other, candidate))).ToList();

        // What the words plainly say before what they deny, imagine or tell of someone else; among the plain, a report
        // kept from the duty lead (a member of staff named) first, so nothing reaches a lead it may be about; then the
        // more urgent (the order the protocols were given in: the school's incident_order).
        return new IncidentDetection(kept
            .Select(c => (Found: c, Hedge: HedgeOf(normalised, c)))
            .OrderBy(c => c.Hedge != DetectionHedge.None)
            .ThenBy(c => c.Found.Protocol.EscalatesToDutyLead)
            .ThenBy(c => c.Found.Order)
            .Select(c => new IncidentCandidate(c.Found.Protocol, c.Found.Phrases, c.Hedge))
            .ToList());
    }

    /// <summary>A type is hedged only when every one of its matches is (one plain "wants to die" is enough); a pair is plain.</summary>
    private static DetectionHedge HedgeOf(string text, Found found)
    {
        if (found.HasPair || found.Spans.Count == 0)
        {
            return DetectionHedge.None;
        }

        var hedges = found.Spans
            .Select(span => HedgeReader.Before(text, span.Start))
            .Select(hedge => hedge == DetectionHedge.ThirdParty && !found.Protocol.AsksIfAboutSomeoneElse ? DetectionHedge.None : hedge)
            .ToList();
        return hedges.Contains(DetectionHedge.None) ? DetectionHedge.None : hedges[0];
    }

    /// <summary>
    /// Every trigger of <paramref name="inner"/> matched inside a strictly longer trigger of <paramref name="outer"/>.
    /// A pair never covers nor is covered: it can stretch across a whole sentence.
    /// </summary>
    private static bool Covers(Found outer, Found inner) =>
        !inner.HasPair && inner.Spans.All(span => outer.Spans.Any(o => o.Start <= span.Start && o.End >= span.End && o.End - o.Start > span.End - span.Start));

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

    private readonly record struct Span(int Start, int End);

    /// <summary>A type the text matched: the phrases (triggers, or "first + with" for a pair) and where its triggers matched.</summary>
    private sealed record Found(IncidentProtocol Protocol, IReadOnlyList<string> Phrases, IReadOnlyList<Span> Spans, bool HasPair, int Order = 0);

    private sealed record Phrase(string Text, Regex Pattern)
    {
        public static Phrase Of(string text) => new(text, PatternFor(text));

        public IEnumerable<Span> SpansIn(string text) => Pattern.Matches(text).Select(m => new Span(m.Index, m.Index + m.Length));
    }

    private sealed record ProtocolPatterns(
        IncidentProtocol Protocol,
        IReadOnlyList<Phrase> Triggers,
        IReadOnlyList<(IReadOnlyList<Phrase> First, IReadOnlyList<Phrase> With)> Pairs,
        IReadOnlyList<Phrase> NotTriggers)
    {
        public static ProtocolPatterns For(IncidentProtocol protocol) => new(
            protocol,
            protocol.Triggers.Select(Phrase.Of).ToList(),
            protocol.TriggerPairs.Select(pair => ((IReadOnlyList<Phrase>)pair.First.Select(Phrase.Of).ToList(), (IReadOnlyList<Phrase>)pair.With.Select(Phrase.Of).ToList())).ToList(),
            protocol.NotTriggers.Select(Phrase.Of).ToList());

        public Found Match(string text)
        {
            var excluded = NotTriggers.SelectMany(p => p.SpansIn(text)).ToList();
            List<Span> Counted(Phrase phrase) =>
                phrase.SpansIn(text).Where(span => !excluded.Any(e => e.Start <= span.Start && e.End >= span.End)).ToList();

            var phrases = new List<string>();
            var spans = new List<Span>();
            foreach (var trigger in Triggers)
            {
                var at = Counted(trigger);
                if (at.Count > 0)
                {
                    phrases.Add(trigger.Text);
                    spans.AddRange(at);
                }
            }

            var hasPair = false;
            foreach (var (first, with) in Pairs)
            {
                var firstText = first.FirstOrDefault(p => Counted(p).Count > 0)?.Text;
                var withText = with.FirstOrDefault(p => Counted(p).Count > 0)?.Text;
                if (firstText is not null && withText is not null)
                {
                    phrases.Add($"{firstText} + {withText}");
                    hasPair = true;
                }
            }

            return new Found(Protocol, phrases.Distinct(StringComparer.Ordinal).ToList(), spans, hasPair);
        }
    }
}
