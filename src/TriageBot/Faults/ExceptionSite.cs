using System.Diagnostics;

namespace TriageBot.Faults;

/// <summary>
/// Where an exception came from, as one short name for a log line ("TriageBot.Invokes.InvokeRouter.RouteAsync"): the
/// innermost frame in TriageBot's own code, else the method that threw. Enough to find the fault without writing the
/// stack (dozens of lines per request) or the message (which can quote what was typed) to the log.
/// </summary>
public static class ExceptionSite
{
    public static string Of(Exception exception)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: false).GetFrames();
        foreach (var frame in frames)
        {
            if (frame.GetMethod() is { DeclaringType: { } type } method && IsOurs(type))
            {
                return $"{OuterType(type).FullName}.{MethodName(type, method.Name)}";
            }
        }

        return exception.TargetSite is { DeclaringType: { } thrower } site ? $"{thrower.FullName}.{site.Name}" : "unknown";
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("TriageBot", StringComparison.Ordinal) == true;

    // An async method's frame is its state machine's MoveNext: name the method it belongs to instead.
    private static Type OuterType(Type type) => type.IsNested && type.Name.StartsWith('<') ? type.DeclaringType! : type;

    private static string MethodName(Type type, string method) =>
        type.IsNested && type.Name.StartsWith('<') && type.Name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? type.Name[1..end] : method;
}
