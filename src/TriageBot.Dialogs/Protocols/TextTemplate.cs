using System.Text;
using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Protocols;

/// <summary>
/// Placeholders in content text, so one protocol serves every region and school: <c>{emergency}</c>,
/// <c>{school}</c>, <c>{lines}</c> (every crisis line of the region), <c>{role:id}</c>, <c>{line:id}</c>, <c>{agency:id}</c>, <c>{contact:id}</c>.
/// </summary>
public static partial class TextTemplate
{
    [GeneratedRegex(@"\{([a-z_]+)(?::([a-z0-9_\-]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    /// <summary>A placeholder as written, with its offset in the text.</summary>
    public sealed record Placeholder(string Raw, string Kind, string? Key, int Index);

    public static IReadOnlyList<Placeholder> Placeholders(string text) =>
        PlaceholderPattern().Matches(text)
            .Select(m => new Placeholder(m.Value, m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null, m.Index))
            .ToList();

    /// <summary>Replaces every placeholder with what <paramref name="resolve"/> gives; unresolved ones stay as written.</summary>
    public static string Render(string text, Func<Placeholder, string?> resolve)
    {
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (var placeholder in Placeholders(text))
        {
            builder.Append(text, last, placeholder.Index - last);
            builder.Append(resolve(placeholder) ?? placeholder.Raw);
            last = placeholder.Index + placeholder.Raw.Length;
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }
}
