using Npgsql;

namespace RoViec.Data.Tests;

/// <summary>Issue 17: the PostgreSQL connection's defaults for a busy server, unless the operator's connection string sets them.</summary>
public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_gets_prepared_statements_and_no_reset_on_close()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseProvider.PostgresConnectionString("Host=db;Database=roviec;Username=roviec"));

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db", built.Host);
        Assert.Equal("roviec", built.Database);
        Assert.Equal("roviec", built.Username);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;AutoPrepareMinUsages=5;NoResetOnClose=false")]
    public void What_the_connection_string_sets_is_kept(string given)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseProvider.PostgresConnectionString(given));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.Equal(5, built.AutoPrepareMinUsages);
        Assert.False(built.NoResetOnClose);
    }

    [Fact]
    public void One_setting_given_leaves_the_other_defaults()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseProvider.PostgresConnectionString("Host=db;Max Auto Prepare=20"));

        Assert.Equal(20, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
    }
}
