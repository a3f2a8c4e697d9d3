using Microsoft.Data.Sqlite;
using TriageBot.Incidents;

namespace TriageBot.Storage.Sqlite;

/// <summary>The register's row changes on table incidents, as prepared statements on the writer's connection.</summary>
public sealed class SqliteIncidentRegisterStore : IIncidentRegisterStore
{
    public Task OpenAsync(IStoreTransaction transaction, string incidentId, IncidentReporter reporter, DateTimeOffset openedAt) =>
        Run(transaction, incidentId,
            """
            INSERT INTO incidents (id, reporter_id, reporter_aad_object_id, reporter_name, reporter_conversation_id, status, opened_at)
            VALUES (@IncidentId, @ActorId, @ActorAadObjectId, @ActorName, @conversation, @status, @at)
            ON CONFLICT (id) DO NOTHING;
            """,
            command => command.With("@ActorId", reporter.Id).With("@ActorAadObjectId", reporter.AadObjectId).With("@ActorName", reporter.Name)
                .With("@conversation", reporter.ConversationId).With("@status", IncidentStatuses.Reporting).With("@at", StoredTime.Format(openedAt)));

    public Task SetProtocolAsync(IStoreTransaction transaction, string incidentId, string? protocolId) =>
        Run(transaction, incidentId, "UPDATE incidents SET protocol_id = @protocol WHERE id = @IncidentId;", command => command.With("@protocol", protocolId));

    public Task SetAssessedAsync(IStoreTransaction transaction, string incidentId, string? protocolId, string? level) =>
        Run(transaction, incidentId, "UPDATE incidents SET protocol_id = COALESCE(@protocol, protocol_id), level = @level WHERE id = @IncidentId;",
            command => command.With("@protocol", protocolId).With("@level", level));

    public Task SetLevelIfUnsetAsync(IStoreTransaction transaction, string incidentId, string? level) =>
        Run(transaction, incidentId, "UPDATE incidents SET level = COALESCE(level, @level) WHERE id = @IncidentId;", command => command.With("@level", level));

    public Task SetLevelAsync(IStoreTransaction transaction, string incidentId, string level) =>
        Run(transaction, incidentId, "UPDATE incidents SET level = @level WHERE id = @IncidentId;", command => command.With("@level", level));

    public Task EndReportAsync(IStoreTransaction transaction, string incidentId, string status, DateTimeOffset at, string? level) =>
        Run(transaction, incidentId,
            "UPDATE incidents SET status = @status, completed_at = @at, level = COALESCE(@level, level) WHERE id = @IncidentId AND status = @reporting;",
            command => command.With("@at", StoredTime.Format(at)).With("@level", level).With("@status", status).With("@reporting", IncidentStatuses.Reporting));

    public Task CloseAsync(IStoreTransaction transaction, string incidentId, DateTimeOffset at) =>
        Run(transaction, incidentId, "UPDATE incidents SET status = @status, closed_at = @at WHERE id = @IncidentId;",
            command => command.With("@at", StoredTime.Format(at)).With("@status", IncidentStatuses.Closed));

    public Task MarkPersonalDataPurgedAsync(IStoreTransaction transaction, string incidentId, DateTimeOffset at) =>
        Run(transaction, incidentId, "UPDATE incidents SET personal_purged_at = @at WHERE id = @IncidentId;", command => command.With("@at", StoredTime.Format(at)));

    private static Task<int> Run(IStoreTransaction transaction, string incidentId, string sql, Func<SqliteCommand, SqliteCommand> parameters)
    {
        var write = SqliteWrite.From(transaction);
        return parameters(write.Connection.Prepared(write.Transaction, sql).With("@IncidentId", incidentId)).ExecuteNonQueryAsync(write.CancellationToken);
    }
}
