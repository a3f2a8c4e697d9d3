using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols;

/// <summary>A text the bot may show, as written in the content (placeholders not yet filled), and where it is written.</summary>
public sealed record ContentText(string Template, ContentLocation Location)
{
    /// <summary>Every text staff can see from this content, for checks that apply to all output (labels, promises).</summary>
    public static IEnumerable<ContentText> All(
        IEnumerable<IncidentProtocol> protocols,
        IEnumerable<Checklist> checklists,
        IEnumerable<ReferralService> services,
        RegionPack region)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        ArgumentNullException.ThrowIfNull(checklists);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(region);

        yield return new(region.EmergencyInstruction, region.Location);
        yield return new(region.ConfidentialityReminder, region.Location);
        foreach (var level in region.Levels.Values)
        {
            yield return new(level.Name, level.Location);
            yield return new(level.Summary, level.Location);
        }

        foreach (var protocol in protocols)
        {
            yield return new(protocol.Title, protocol.Location);
            if (protocol.LevelSummary is { } levelSummary)
            {
                yield return new(levelSummary, protocol.Location);
            }

            if (protocol.NoReferralOutcome is { } outcome)
            {
                yield return new(outcome, protocol.Location);
            }

            foreach (var step in protocol.Steps)
            {
                yield return new(step.Text, step.TextLocation ?? step.Location);
                foreach (var answer in step.Answers)
                {
                    yield return new(answer.Label, answer.Location);
                }
            }

            foreach (var rule in protocol.Referrals)
            {
                yield return new(rule.Why, rule.Location);
            }
        }

        foreach (var checklist in checklists)
        {
            yield return new(checklist.Title, checklist.Location);
            yield return new(checklist.Intro, checklist.Location);
            yield return new(checklist.Note, checklist.Location);
            foreach (var question in checklist.Questions)
            {
                yield return new(question.Text, question.TextLocation ?? question.Location);
                foreach (var option in question.Options)
                {
                    yield return new(option.Label, question.Location);
                }
            }

            foreach (var result in checklist.Results)
            {
                yield return new(result.Label, result.Location);
                yield return new(result.Guidance, result.Location);
            }
        }

        foreach (var service in services)
        {
            yield return new(service.Name, service.Location);
            yield return new(service.Contact, service.Location);
            yield return new(service.Description, service.Location);
        }
    }
}
