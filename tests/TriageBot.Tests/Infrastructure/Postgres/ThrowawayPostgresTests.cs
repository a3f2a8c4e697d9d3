using Npgsql;

namespace TriageBot.Tests.Infrastructure.Postgres;

/// <summary>
/// The PostgreSQL server the store tests run against: test.sh must give every machine one (Debian's packages, a
/// cluster in a temporary folder, no Docker), and the outage tests need it to refuse connections while stopped and to
/// serve the same data again after.
/// </summary>
public sealed class ThrowawayPostgresTests
{
    [Fact]
    public async Task TheServer_KeepsItsData_AcrossAStop_AndRefusesConnectionsWhileStopped()
    {
        await using var server = await ThrowawayPostgres.StartAsync();
        await ExecuteAsync(server, "CREATE TABLE reports (id integer PRIMARY KEY); INSERT INTO reports VALUES (42);");

        await server.StopAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(server, "SELECT 1;"));

        await server.StartAgainAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT id FROM reports;", connection);
        Assert.Equal(42, await read.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(ThrowawayPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
