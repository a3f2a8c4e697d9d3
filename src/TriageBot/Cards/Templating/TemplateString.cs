using System.Text;

namespace TriageBot.Cards.Templating;

/// <summary>One piece of a template string: literal text, or an expression from <c>${...}</c>.</summary>
internal sealed record TemplatePart(string? Text, TemplateExpression? Expression);

/// <summary>
/// A string value of a template, split into text and <c>${...}</c> expressions the way adaptivecards-templating reads
/// it. A string without <c>${</c> is left exactly as written. Otherwise, as in the Adaptive Expressions lexer:
/// <c>\$</c> and <c>\`</c> stand for <c>$</c> and <c>`</c>; a <c>${</c> that is not closed by <c>}</c> on the same line
/// (quotes inside strings allowed) stays as text; a backtick fails, as it does in JavaScript.
/// </summary>
internal sealed record TemplateString(IReadOnlyList<TemplatePart> Parts)
{
    public bool HasExpressions => Parts.Any(part => part.Expression is not null);

    /// <summary>
    /// The expression when the string is exactly one <c>${...}</c> and nothing else: its value keeps its JSON type (a
    /// number stays a number). As in the package, a lone literal (<c>${'text'}</c>, <c>${42}</c>) does not count and
    /// gives a string.
    /// </summary>
    public TemplateExpression? SingleExpression =>
        Parts is [{ Expression: { } expression and not LiteralExpression }] ? expression : null;

    public static TemplateString Parse(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new TemplateString([new TemplatePart(text, null)]);
        }

        var parts = new List<TemplatePart>();
        var pending = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                throw new FormatException($"a backtick (position {i + 1}) cannot appear in a string with ${{...}}; write \\` for one");
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '`' or '$')
            {
                pending.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '$' && TemplateEnd(text, i) is { } end)
            {
                if (pending.Length > 0)
                {
                    parts.Add(new TemplatePart(pending.ToString(), null));
                    pending.Clear();
                }

                var source = text[(i + 2)..end];
                try
                {
                    parts.Add(new TemplatePart(null, TemplateExpressionParser.Parse(source.Trim())));
                }
                catch (FormatException e)
                {
                    throw new FormatException($"${{{source}}}: {e.Message}", e);
                }

                i = end + 1;
                continue;
            }

            pending.Append(c);
            i++;
        }

        if (pending.Length > 0)
        {
            parts.Add(new TemplatePart(pending.ToString(), null));
        }

        return new TemplateString(parts);
    }

    // Index of the '}' closing the ${ at start, or null when the lexer would not read a template there.
    private static int? TemplateEnd(string text, int start)
    {
        if (start + 1 >= text.Length || text[start + 1] != '{')
        {
            return null;
        }

        var i = start + 2;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '}':
                    return i > start + 2 ? i : null;
                case '\'' or '"':
                    var close = i + 1;
                    while (close < text.Length && text[close] != c)
                    {
                        close += text[close] == '\\' && close + 1 < text.Length && (text[close + 1] == c || text[close + 1] == '\\') ? 2 : 1;
                    }

                    if (close >= text.Length)
                    {
                        return null;
                    }

                    i = close + 1;
                    continue;
                case '{':
                    throw new FormatException($"'{{' inside ${{...}} (position {i + 1}): object literals are not supported");
                case '\r' or '\n' or '`':
                    return null;
                default:
                    i++;
                    continue;
            }
        }

        return null;
    }
}
