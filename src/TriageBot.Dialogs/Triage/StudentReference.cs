using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// Reads a student reference: initials and a year group ("JB Y9", "J.B. year 9", "jb 9", "AK grade 10", "MT R") or the
/// school's pupil id (letters and digits with at least 4 digits, such as a UPN "A123456789012" or "204518").
/// Anything with a word of three or more letters that is not part of a year group looks like a name and is refused:
/// a full name must never reach the record through the bot.
/// </summary>
internal static partial class StudentReference
{
    public static StudentReferenceReading Read(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return StudentReferenceReading.Unreadable;
        }

        if (PupilId().Match(trimmed) is { Success: true } id)
        {
            return new StudentReferenceReading(StudentReferenceKind.PupilId, id.Value.ToUpperInvariant());
        }

        if (InitialsAndYear().Match(trimmed) is { Success: true } match)
        {
            var written = match.Groups["initials"].Value.Trim();
            var initials = new string(written.Where(char.IsLetter).ToArray());

            // "JAB" is initials, but "sam" or "Amy" run together in lower case is more likely a first name.
            if (initials.Length == 3 && written.Length == 3 && !initials.All(char.IsUpper))
            {
                return StudentReferenceReading.LooksLikeName;
            }

            var year = match.Groups["year"].Value.ToUpperInvariant();
            var isGrade = match.Groups["prefix"].Value.StartsWith('g') || match.Groups["prefix"].Value.StartsWith('G') || match.Groups["suffix"].Success;
            var label = year switch
            {
                "R" or "RECEPTION" => "Reception",
                "K" => "K",
                _ when isGrade => $"G{year}",
                _ => $"Y{year}",
            };
            return new StudentReferenceReading(StudentReferenceKind.InitialsAndYear, $"{initials.ToUpperInvariant()} {label}");
        }

        return LooksLikeName().IsMatch(trimmed) ? StudentReferenceReading.LooksLikeName : StudentReferenceReading.Unreadable;
    }

    // Letters optional in front, at least 4 digits, nothing but letters and digits: UPNs, admission numbers, MIS ids.
    [GeneratedRegex(@"^(?=(?:[A-Za-z]*\d){4})[A-Za-z]{0,3}\d{4,13}[A-Za-z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex PupilId();

    // One to three initials (with or without dots or spaces), then a year group: Y9, Yr 9, year 9, grade 9, 9, R, reception.
    [GeneratedRegex(
        @"^(?<initials>(?:[A-Za-z]\.?\s?){1,3}?)[\s,/-]*(?:(?<prefix>y|yr|year|grade|g)\s*\.?\s*)?(?<year>1[0-3]|[1-9]|k|r|reception)(?<suffix>\s*(?:st|nd|rd|th)\s*grade)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InitialsAndYear();

    [GeneratedRegex(@"\p{L}{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeName();
}

internal enum StudentReferenceKind
{
    None,
    InitialsAndYear,
    PupilId,
    LooksLikeName,
}

internal sealed record StudentReferenceReading(StudentReferenceKind Kind, string? Reference)
{
    public static StudentReferenceReading Unreadable { get; } = new(StudentReferenceKind.None, null);

    public static StudentReferenceReading LooksLikeName { get; } = new(StudentReferenceKind.LooksLikeName, null);

    public bool IsValid => Reference is not null;
}
