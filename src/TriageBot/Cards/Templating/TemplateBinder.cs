using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Cards.Templating;

/// <summary>
/// Binds a prepared template to data, doing what adaptivecards-templating 2.3.1's <c>Template.expand</c> does for the
/// subset we use:
/// <list type="bullet">
/// <item>a string that is one <c>${...}</c> becomes the value with its JSON type; text around or between expressions
/// makes a string, each value written as JavaScript would (<c>3</c>, <c>1.5</c>, <c>true</c>);</item>
/// <item>a path the data lacks is left as its text, <c>${path}</c>, and reported in <see cref="BoundCard.MissingValues"/>;</item>
/// <item><c>$data</c> sets the data of an object; an array repeats the object per item, with <c>$index</c>;</item>
/// <item><c>$when</c> keeps the object only when it is exactly <c>true</c> (an error counts as false);</item>
/// <item>in arrays, an item that comes out null is dropped and one that comes out as an array is spread in place;
/// an object left with no copy is null (as a property it stays, with null).</item>
/// </list>
/// Where JavaScript would print something meaningless into the card (null, an object, a failed function inside a longer
/// string) the binder stops with a <see cref="TemplateException"/> naming the template and the JSON path instead.
/// </summary>
internal sealed class TemplateBinder
{
    private readonly string _templateName;
    private readonly List<MissingValue> _missing = [];

    private TemplateBinder(string templateName)
    {
        _templateName = templateName;
    }

    public static (JsonNode? Result, IReadOnlyList<MissingValue> Missing) Bind(string templateName, TemplateNode template, JsonNode? data)
    {
        var binder = new TemplateBinder(templateName);
        var result = binder.Expand(template, DataScope.ForRoot(TemplateValue.Of(data)));
        return (result.Node, binder._missing);
    }

    private TemplateValue Expand(TemplateNode node, DataScope scope) => node switch
    {
        TemplateScalarNode scalar => TemplateValue.Of(scalar.Value?.DeepClone()),
        TemplateTextNode text => ExpandText(text, scope),
        TemplateArrayNode array => TemplateValue.Of(ExpandArray(array, scope)),
        TemplateObjectNode json => ExpandObject(json, scope),
        _ => throw new InvalidOperationException($"Unknown template node {node.GetType().Name}."),
    };

    private JsonArray ExpandArray(TemplateArrayNode array, DataScope scope)
    {
        var result = new JsonArray();
        foreach (var item in array.Items)
        {
            var value = Expand(item, scope);
            if (value.IsUndefined)
            {
                result.Add(null); // JSON.stringify writes an undefined array item as null
            }
            else if (value.Node is JsonArray spread)
            {
                var items = spread.ToList();
                spread.Clear();
                foreach (var spreadItem in items)
                {
                    result.Add(spreadItem);
                }
            }
            else if (value.Node is not null)
            {
                result.Add(value.Node);
            }
        }

        return result;
    }

    private TemplateValue ExpandObject(TemplateObjectNode json, DataScope scope)
    {
        var contexts = new List<DataScope>();
        if (json.Data is null)
        {
            contexts.Add(scope);
        }
        else
        {
            var data = Evaluate(json.Data, scope, PropertyPath(json, "$data"));
            if (data.Node is JsonArray items)
            {
                contexts.AddRange(items.Select((item, i) => scope with { Data = TemplateValue.Of(item), Index = i }));
            }
            else
            {
                contexts.Add(data.IsUndefined ? scope : scope with { Data = data });
            }
        }

        var copies = new List<JsonObject>();
        foreach (var context in contexts)
        {
            if (json.When is not null
                && new ExpressionEvaluator(context).Evaluate(json.When, substituteMissing: false) is not { Error: null, Value.Kind: JsonValueKind.True })
            {
                continue;
            }

            var copy = new JsonObject();
            foreach (var (key, property) in json.Properties)
            {
                var value = Expand(property, context);
                if (!value.IsUndefined)
                {
                    copy[key] = value.Node;
                }
            }

            copies.Add(copy);
        }

        return copies.Count switch
        {
            0 => TemplateValue.Null,
            1 => TemplateValue.Of(copies[0]),
            _ => TemplateValue.Of(new JsonArray([.. copies])),
        };
    }

    private TemplateValue ExpandText(TemplateTextNode node, DataScope scope)
    {
        if (node.Text.SingleExpression is { } single)
        {
            var value = Evaluate(single, scope, node.JsonPath);
            return value.IsUndefined ? value : TemplateValue.Of(value.Node?.DeepClone());
        }

        var text = new StringBuilder();
        foreach (var part in node.Text.Parts)
        {
            if (part.Expression is null)
            {
                text.Append(part.Text);
                continue;
            }

            var value = Evaluate(part.Expression, scope, node.JsonPath);
            text.Append(value.ToInterpolatedText() ?? throw new TemplateException(
                _templateName,
                node.JsonPath,
                $"${{{TemplateExpressionText.Write(part.Expression)}}} is {Describe(value)}, which cannot be written inside a string"));
        }

        return TemplateValue.Of(text.ToString());
    }

    private TemplateValue Evaluate(TemplateExpression expression, DataScope scope, string jsonPath)
    {
        var evaluator = new ExpressionEvaluator(scope, substitute => _missing.Add(new MissingValue(jsonPath, substitute)));
        var result = evaluator.Evaluate(expression, substituteMissing: true);
        if (result.Error is not null)
        {
            throw new TemplateException(_templateName, jsonPath, $"${{{TemplateExpressionText.Write(expression)}}}: {result.Error}");
        }

        return result.Value;
    }

    private static string PropertyPath(TemplateNode node, string key) => TemplateNode.PropertyPath(node.JsonPath, key);

    private static string Describe(TemplateValue value) => value.Kind switch
    {
        JsonValueKind.Undefined => "undefined",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "a number out of range",
    };
}
