using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RoViec.Data.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the context for PostgreSQL (no server needed to generate).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RoViecDbContext>
{
    public RoViecDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RoViecDbContext>();
        options.UsePostgresDatabase("Host=localhost;Database=design");
        return new RoViecDbContext(options.Options);
    }
}
