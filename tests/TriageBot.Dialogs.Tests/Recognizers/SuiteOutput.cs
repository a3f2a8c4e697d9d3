using System.Text.Json;

namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>What Oracle/recognize.js prints: the suite's versions and, per corpus phrase in corpus order, what it found.</summary>
internal sealed record SuiteOutput(
    IReadOnlyDictionary<string, string> Suite,
    string Culture,
    IReadOnlyList<SuiteOutput.YesNoResult> YesNo,
    IReadOnlyList<SuiteOutput.ChoiceResult> Choices,
    IReadOnlyList<SuiteOutput.NumberResult> Numbers,
    IReadOnlyList<SuiteOutput.MomentResult> Moments)
{
    /// <summary>One entity the suite found: the text it matched, its type, and its resolved value (a boolean or a number as text).</summary>
    public sealed record Entity(string Text, string Type, JsonElement Value);

    public sealed record YesNoResult(string Text, IReadOnlyList<Entity> Boolean);

    public sealed record ChoiceResult(string Text, IReadOnlyList<Entity> Ordinal, IReadOnlyList<Entity> Number);

    public sealed record NumberResult(string Text, IReadOnlyList<Entity> Number);

    public sealed record MomentResult(string Text, string Now, IReadOnlyList<DateTimeEntity> DateTime);

    /// <summary>A datetimeV2 entity; <see cref="Values"/> is null when the suite matched text it could not resolve.</summary>
    public sealed record DateTimeEntity(string Text, string Type, IReadOnlyList<DateTimeValue>? Values);

    /// <summary>One reading: "2026-06-17 15:00:00" for a datetime, "14:15:00" for a time of day; start and end for ranges.</summary>
    public sealed record DateTimeValue(string? Timex, string? Type, string? Value, string? Start, string? End);
}
