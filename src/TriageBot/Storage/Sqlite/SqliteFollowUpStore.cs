using Microsoft.Data.Sqlite;
using TriageBot.FollowUps;

namespace TriageBot.Storage.Sqlite;

/// <summary>The follow-up tasks' row changes on table follow_ups, as prepared statements on the writer's connection.</summary>
public sealed class SqliteFollowUpStore : IFollowUpStore
{
    // Every change is to the version read of a task still open: a change that lost to another changes no row.
    private const string Guard = "WHERE number = @number AND version = @version AND status = 'open';";

    public async Task<long?> CreateAsync(IStoreTransaction transaction, NewFollowUp task)
    {
        var write = SqliteWrite.From(transaction);
        return await write.Connection.Prepared(write.Transaction,
                """
                INSERT INTO follow_ups (incident_id, rule_id, subject, title, done_means, owner_person_id, owner_user_id, owner_aad_object_id,
                                        owner_name, owner_conversation_id, created_at, due_at, remind_at, overdue_at, status, version)
                VALUES (@incidentId, @ruleId, @subject, @title, @doneMeans, @personId, @userId, @aadObjectId, @name, @conversationId,
                        @createdAt, @dueAt, @remindAt, @overdueAt, 'open', 1)
                ON CONFLICT (incident_id, rule_id, subject) DO NOTHING
                RETURNING number;
                """)
            .With("@incidentId", task.IncidentId)
            .With("@ruleId", task.RuleId)
            .With("@subject", task.Subject)
            .With("@title", task.Title)
            .With("@doneMeans", task.DoneMeans)
            .With("@personId", task.Owner.PersonId)
            .With("@userId", task.Owner.UserId)
            .With("@aadObjectId", task.Owner.AadObjectId)
            .With("@name", task.Owner.Name)
            .With("@conversationId", task.Owner.ConversationId)
            .With("@createdAt", StoredTime.Format(task.CreatedAt))
            .With("@dueAt", StoredTime.Format(task.DueAt))
            .With("@remindAt", StoredTime.Format(task.RemindAt))
            .With("@overdueAt", StoredTime.Format(task.OverdueAt))
            .ExecuteScalarAsync(write.CancellationToken) as long?;
    }

    public Task<bool> MarkDoneAsync(IStoreTransaction transaction, long number, long version, DateTimeOffset at, string byName) =>
        Run(transaction, number, version,
            "UPDATE follow_ups SET status = 'done', done_at = @at, done_by_name = @name, remind_at = NULL, version = version + 1 " + Guard,
            command => command.With("@at", StoredTime.Format(at)).With("@name", byName));

    public Task<bool> SnoozeAsync(IStoreTransaction transaction, long number, long version, DateTimeOffset until) =>
        Run(transaction, number, version, "UPDATE follow_ups SET remind_at = @until, version = version + 1 " + Guard,
            command => command.With("@until", StoredTime.Format(until)));

    public Task<bool> ReassignAsync(IStoreTransaction transaction, long number, long version, string personId, string? aadObjectId, string name, DateTimeOffset remindAt) =>
        Run(transaction, number, version,
            """
            UPDATE follow_ups SET owner_person_id = @personId, owner_user_id = NULL, owner_aad_object_id = @aad, owner_name = @name,
                owner_conversation_id = NULL, remind_at = @remindAt, version = version + 1
            """ + " " + Guard,
            command => command.With("@personId", personId).With("@aad", aadObjectId).With("@name", name).With("@remindAt", StoredTime.Format(remindAt)));

    public Task<bool> NoteAddedAsync(IStoreTransaction transaction, long number, long version) =>
        Run(transaction, number, version, "UPDATE follow_ups SET version = version + 1 " + Guard, command => command);

    public Task<bool> ClaimReminderAsync(IStoreTransaction transaction, long number, long version) =>
        Run(transaction, number, version, "UPDATE follow_ups SET remind_at = NULL, reminders_sent = reminders_sent + 1, version = version + 1 " + Guard, command => command);

    public Task<bool> ClaimOverdueAsync(IStoreTransaction transaction, long number, long version, DateTimeOffset at) =>
        Run(transaction, number, version, "UPDATE follow_ups SET overdue_escalated_at = @at, version = version + 1 " + Guard,
            command => command.With("@at", StoredTime.Format(at)));

    private static async Task<bool> Run(IStoreTransaction transaction, long number, long version, string sql, Func<SqliteCommand, SqliteCommand> parameters)
    {
        var write = SqliteWrite.From(transaction);
        var command = write.Connection.Prepared(write.Transaction, sql).With("@number", number).With("@version", version);
        return await parameters(command).ExecuteNonQueryAsync(write.CancellationToken) == 1;
    }
}
