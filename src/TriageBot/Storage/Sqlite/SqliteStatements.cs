using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Statements kept prepared for the life of a connection, so one that runs on every turn is parsed once rather than
/// every time (parsing was a large part of a write). Meant for the writer's long-lived connection, which one unit at a
/// time uses; on a short-lived connection the statements simply go with it.
/// </summary>
public static class SqliteStatements
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Commands = [];

    /// <summary>The prepared command for <paramref name="sql"/> on this connection, in <paramref name="transaction"/>, with no parameters set yet.</summary>
    public static SqliteCommand Prepared(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var commands = Commands.GetValue(connection, _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <inheritdoc cref="Prepared(SqliteConnection, SqliteTransaction?, string)"/>
    /// <remarks>For code that takes the store's connection as a <see cref="DbConnection"/>: it must be a SQLite one.</remarks>
    public static SqliteCommand Prepared(this DbConnection connection, DbTransaction? transaction, string sql) =>
        connection is SqliteConnection sqlite
            ? sqlite.Prepared((SqliteTransaction?)transaction, sql)
            : throw new ArgumentException($"The store's statements run on a SQLite connection, not a {connection.GetType().Name}.", nameof(connection));

    /// <summary>Sets a parameter (null is stored as NULL); returns the command, so calls chain.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
