using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Tests;

/// <summary>
/// <see cref="CurrentUser.AccessTo"/>: what a caller may do with a row the commune boundary let them read. Pure, so the
/// use cases that take the caller as a value (CorrectTask) decide without the request.
/// </summary>
public sealed class ResourceAccessTests
{
    private static readonly Guid Commune = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Finance = Guid.NewGuid();

    private static UserScope Caller(string role, Guid? commune, Guid? unit = null, Guid? province = null) =>
        new(Guid.NewGuid(), "u", null, new HashSet<string>(StringComparer.Ordinal) { role }, province, commune, unit);

    [Fact]
    public void The_standing_office_writes_in_its_commune_and_nothing_of_another_exists_for_it()
    {
        var office = Caller(Roles.StandingOffice, Commune);

        Assert.Equal(ResourceAccess.Write, CurrentUser.AccessTo(office, Commune, Police));
        Assert.Equal(ResourceAccess.Write, CurrentUser.AccessTo(office, Commune, null));
        // A row of another commune (were the boundary ever crossed) is not theirs to know of.
        Assert.Equal(ResourceAccess.None, CurrentUser.AccessTo(office, Other, Police));
    }

    [Fact]
    public void A_unit_reporter_reads_its_own_units_rows_and_is_refused_the_others()
    {
        var reporter = Caller(Roles.UnitReporter, Commune, Police);

        Assert.Equal(ResourceAccess.Read, CurrentUser.AccessTo(reporter, Commune, Police));
        Assert.Equal(ResourceAccess.Forbidden, CurrentUser.AccessTo(reporter, Commune, Finance));
        Assert.Equal(ResourceAccess.Forbidden, CurrentUser.AccessTo(reporter, Commune, null));
    }

    [Fact]
    public void A_province_office_reads_and_does_not_write_and_nobody_without_a_role_sees_anything()
    {
        var province = Caller(Roles.ProvinceOffice, null, province: Guid.NewGuid());
        var roleless = new UserScope(Guid.NewGuid(), "u", null, new HashSet<string>(StringComparer.Ordinal), null, Commune, null);

        Assert.Equal(ResourceAccess.Read, CurrentUser.AccessTo(province, Commune, Police));
        Assert.Equal(ResourceAccess.None, CurrentUser.AccessTo(roleless, Commune, Police));
        Assert.Equal(ResourceAccess.None, CurrentUser.AccessTo(null, Commune, Police));
    }
}
