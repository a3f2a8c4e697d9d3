namespace TriageBot.Cards.Templating;

/// <summary>
/// What expressions can see at one place in a template: <c>$root</c> (the data given to the binder), <c>$data</c> (the
/// current item of a <c>$data</c> binding; the root until one is bound) and <c>$index</c> (the item's position when
/// <c>$data</c> repeats an element over an array; undefined elsewhere).
/// </summary>
internal sealed record DataScope(TemplateValue Root, TemplateValue Data, int? Index)
{
    public static DataScope ForRoot(TemplateValue root) => new(root, TemplateValue.Undefined, null);

    /// <summary>The current data: as in the package, an unset (undefined) <c>$data</c> means the root; null stays null.</summary>
    public TemplateValue CurrentData => Data.IsUndefined ? Root : Data;
}
