using System.Data.Common;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>
/// Sets the PostgreSQL session variable app.tenant_id on every connection the app opens, which the row-level
/// security policies compare with each row's tenant_id. Outside a tenant scope it is set to '' (no rows at all).
/// </summary>
internal sealed class TenantSessionInterceptor(TenantContext tenant) : DbConnectionInterceptor
{
    public const string Sql = "SELECT set_config('app.tenant_id', @tenant_id, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant_id";
        parameter.Value = tenant.Tenant?.Id.ToString() ?? "";
        command.Parameters.Add(parameter);
        return command;
    }
}
