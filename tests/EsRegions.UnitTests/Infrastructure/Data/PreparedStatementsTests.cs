using EsRegions.Web.Infrastructure.Data;
using Npgsql;

namespace EsRegions.UnitTests.Infrastructure.Data;

/// <summary>The app's connections prepare the statements they repeat, unless the operator's connection string says otherwise.</summary>
public sealed class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_without_a_setting_gets_automatic_preparation()
    {
        var built = new NpgsqlConnectionStringBuilder(DataExtensions.WithPreparedStatements("Host=db;Database=esregions;Username=esregions_app"));

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.Equal(("db", "esregions", "esregions_app"), (built.Host, built.Database, built.Username));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=10", 10)]
    public void The_operators_own_setting_is_kept_even_when_it_turns_preparation_off(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DataExtensions.WithPreparedStatements(connectionString)).MaxAutoPrepare);
    }
}
