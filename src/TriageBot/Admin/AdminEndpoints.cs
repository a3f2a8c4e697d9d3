using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Access;
using TriageBot.Api;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Turns;
using TriageBot.Export;
using TriageBot.Outcomes;

namespace TriageBot.Admin;

/// <summary>
/// The admin HTTP endpoints, for the school's case-management system and for leads' one-time links:
/// GET /admin/incidents/{number}/chronology?format=csv|json, GET /admin/chronology?from=&amp;to=&amp;format=,
/// GET /admin/outcomes?from=&amp;to= (JSON), GET /admin/outcomes/page (HTML), GET /admin/downloads/{token}.
/// All but the last need an API key or a Bot Framework token (<see cref="AdminAuthorization"/>); a download token is
/// its own key, once.
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/incidents/{number:long}/chronology", async (long number, string? format, HttpRequest request, AdminAuthorization authorization, ChronologyExporter exporter, CancellationToken cancellationToken) =>
        {
            var (caller, refusal) = await authorization.AuthorizeAsync(request, cancellationToken);
            if (caller is null)
            {
                return refusal!;
            }

            if (ExportFormats.Parse(format) is not { } chosen)
            {
                return BadFormat(format);
            }

            return await exporter.IncidentAsync(number, chosen, caller, IncidentReads.ByApi, cancellationToken) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : new RequestProblem(404, "No such incident", $"There is no incident {number}.").ToResult();
        });

        endpoints.MapGet("/admin/chronology", async (string? from, string? to, string? format, HttpRequest request, AdminAuthorization authorization, ChronologyExporter exporter, ProtocolCatalog catalog, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (caller, refusal) = await authorization.AuthorizeAsync(request, cancellationToken);
            if (caller is null)
            {
                return refusal!;
            }

            var range = DateRangeQuery.Read(from, to, catalog.Rota.TimeZone, time.GetUtcNow());
            if (range.Problem is { } problem)
            {
                return problem.ToResult();
            }

            if (ExportFormats.Parse(format) is not { } chosen)
            {
                return BadFormat(format);
            }

            var file = await exporter.RangeAsync(range.From, range.To, chosen, caller, IncidentReads.ByApi, cancellationToken);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });

        endpoints.MapGet("/admin/outcomes", async (string? from, string? to, HttpRequest request, AdminAuthorization authorization, OutcomeCalculator outcomes, ProtocolCatalog catalog, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (caller, refusal) = await authorization.AuthorizeAsync(request, cancellationToken);
            if (caller is null)
            {
                return refusal!;
            }

            var range = DateRangeQuery.Read(from, to, catalog.Rota.TimeZone, time.GetUtcNow());
            return range.Problem is { } problem ? problem.ToResult() : Results.Json(await outcomes.ComputeAsync(range.From, range.To, cancellationToken));
        });

        endpoints.MapGet("/admin/outcomes/page", async (string? from, string? to, HttpRequest request, AdminAuthorization authorization, OutcomeCalculator outcomes, ProtocolCatalog catalog, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (caller, refusal) = await authorization.AuthorizeAsync(request, cancellationToken);
            if (caller is null)
            {
                return refusal!;
            }

            var range = DateRangeQuery.Read(from, to, catalog.Rota.TimeZone, time.GetUtcNow());
            return range.Problem is { } problem
                ? problem.ToResult()
                : Results.Content(OutcomesPage.Render(await outcomes.ComputeAsync(range.From, range.To, cancellationToken), catalog.School.Name, catalog.Rota.TimeZone), "text/html; charset=utf-8");
        });

        endpoints.MapGet(DownloadLinks.Path + "{token}", async (string token, DownloadLinks links, ChronologyExporter exporter, OutcomeCalculator outcomes, ProtocolCatalog catalog, CancellationToken cancellationToken) =>
        {
            if (await links.RedeemAsync(token, cancellationToken) is not { } link)
            {
                return new RequestProblem(410, "Link used or expired", "This download link has been used or has expired. Ask for a new one in Teams.").ToResult();
            }

            var spec = link.Spec;
            var who = new Participant(Text(spec, "byId") ?? link.CreatedBy, Text(spec, "byName"), Text(spec, "byAadObjectId"));
            var format = ExportFormats.Parse(Text(spec, "format")) ?? ExportFormat.Csv;
            switch (Text(spec, "kind"))
            {
                case "incident":
                    var number = long.Parse(Text(spec, "number")!, CultureInfo.InvariantCulture);
                    return await exporter.IncidentAsync(number, format, who, IncidentReads.ByExport, cancellationToken) is { } file
                        ? Results.File(file.Content, file.ContentType, file.FileName)
                        : new RequestProblem(404, "No such incident", $"There is no incident {number}.").ToResult();
                case "range":
                    var range = await exporter.RangeAsync(
                        DateTimeOffset.Parse(Text(spec, "from")!, CultureInfo.InvariantCulture), DateTimeOffset.Parse(Text(spec, "to")!, CultureInfo.InvariantCulture),
                        format, who, IncidentReads.ByExport, cancellationToken);
                    return Results.File(range.Content, range.ContentType, range.FileName);
                default:
                    var report = await outcomes.ComputeAsync(
                        DateTimeOffset.Parse(Text(spec, "from")!, CultureInfo.InvariantCulture), DateTimeOffset.Parse(Text(spec, "to")!, CultureInfo.InvariantCulture), cancellationToken);
                    return Results.Content(OutcomesPage.Render(report, catalog.School.Name, catalog.Rota.TimeZone), "text/html; charset=utf-8");
            }
        });

        return endpoints;
    }

    private static IResult BadFormat(string? format) =>
        new RequestProblem(400, "Unknown format", $"'format' must be csv or json, not '{format}'.", "format").ToResult();

    private static string? Text(JsonObject spec, string key) => spec[key] is JsonValue value ? value.ToString() : null;
}
