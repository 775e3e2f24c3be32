using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RoViec.Data.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the context for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RoViecDbContext>
{
    public RoViecDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RoViecDbContext>();
        options.UseSqliteDatabase("Data Source=design.db");
        return new RoViecDbContext(options.Options);
    }
}
