namespace TriageBot.Cards.Templating;

/// <summary>
/// A card template that cannot be loaded or bound. The message names the template file and the JSON path of the
/// value at fault (<c>escalation.json at $.body[2].text: ...</c>), so the mistake can be found without a debugger.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string templateName, string jsonPath, string problem, Exception? innerException = null)
        : base($"{templateName} at {jsonPath}: {problem}", innerException)
    {
        TemplateName = templateName;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public TemplateException()
        : this("(template)", "$", "the template could not be bound")
    {
    }

    public TemplateException(string message)
        : this("(template)", "$", message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : this("(template)", "$", message, innerException)
    {
    }

    /// <summary>The template's file name, e.g. <c>escalation.json</c>.</summary>
    public string TemplateName { get; }

    /// <summary>Where in the template: <c>$</c> is the card, <c>$.body[0].text</c> a property.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong, without the file and path.</summary>
    public string Problem { get; }
}
