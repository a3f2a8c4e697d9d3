using System.Globalization;
using System.Text;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>Normalises typed text for matching: lower case, punctuation to spaces, single spaces (hyphens kept inside words).</summary>
internal static class InputText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLower(CultureInfo.InvariantCulture))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is ':' or '.' or '-' or '\'' ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('.', '-', '\''))
            .Where(word => word.Length > 0);
        return string.Join(' ', words);
    }

    public static string[] Words(string? text) => Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
