using RoViec.Domain.Units;

namespace RoViec.Domain.Tests.Units;

public sealed class UnitCatalogTests
{
    private readonly UnitCatalog _catalog = UnitCatalog.CreateDefault();

    private string IdOf(string asWritten) => _catalog.Resolve(asWritten).Unit.Id;

    [Theory]
    [InlineData("Phòng VH - XH")]
    [InlineData("Phòng Văn hoá – Xã hội")]
    [InlineData("Phòng Văn hóa - Xã hội xã")]
    [InlineData("phòng Văn hoá - xã hội")]
    [InlineData("Phòng Văn hóa - Xã hội")]
    public void Ways_of_writing_the_culture_and_society_office_are_one_unit(string asWritten)
    {
        var unit = _catalog.Resolve(asWritten).Unit;

        Assert.Equal("phong-van-hoa-xa-hoi", unit.Id);
        Assert.Equal("Phòng Văn hóa - Xã hội", unit.Name);
        Assert.Equal(UnitKind.Department, unit.Kind);
    }

    [Theory]
    [InlineData("UBND xã", "Ủy ban nhân dân xã")]
    [InlineData("Uỷ ban nhân dân xã", "Ủy ban nhân dân xã")]
    [InlineData("UB MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã")]
    [InlineData("Ủy ban MTTQ VN xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã")]
    [InlineData("Trung tâm phục vụ HCC", "Trung tâm Phục vụ hành chính công")]
    [InlineData("UBKT", "Ủy ban Kiểm tra")]
    [InlineData("Văn phòng HĐND&UBND xã", "Văn phòng HĐND và UBND xã")]
    [InlineData("Công an", "Công an xã")]
    public void Abbreviation_and_full_name_are_the_same_unit(string abbreviated, string full)
    {
        Assert.Same(_catalog.Resolve(full).Unit, _catalog.Resolve(abbreviated).Unit);
    }

    [Theory]
    [InlineData("UBND xã", "ubnd", "Ủy ban nhân dân xã", UnitKind.Government)]
    [InlineData("UB MTTQ", "mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", UnitKind.Front)]
    [InlineData("BTV Đảng ủy", "btv-dang-uy", "Ban Thường vụ Đảng ủy", UnitKind.PartyBody)]
    [InlineData("UBKT", "ubkt", "Ủy ban Kiểm tra Đảng ủy", UnitKind.PartyBody)]
    [InlineData("Trung tâm Phục vụ hành chính công", "trung-tam-phvc", "Trung tâm Phục vụ hành chính công", UnitKind.ServiceCentre)]
    [InlineData("Công an xã", "cong-an", "Công an xã", UnitKind.Police)]
    [InlineData("Đảng ủy xã", "dang-uy", "Đảng ủy xã", UnitKind.PartyBody)]
    public void Known_name_resolves_to_its_catalogue_unit(string asWritten, string id, string name, UnitKind kind)
    {
        var unit = _catalog.Resolve(asWritten).Unit;

        Assert.Equal(id, unit.Id);
        Assert.Equal(name, unit.Name);
        Assert.Equal(kind, unit.Kind);
    }

    [Fact]
    public void Standing_committee_is_not_the_party_committee()
    {
        Assert.NotEqual(IdOf("Đảng ủy xã"), IdOf("BTV Đảng ủy"));
    }

    [Theory]
    [InlineData("Chánh Văn phòng Đảng ủy", "van-phong-dang-uy")]
    [InlineData("Trưởng Công an xã", "cong-an")]
    [InlineData("Chánh VP HĐND - UBND", "van-phong-hdnd-ubnd")]
    [InlineData("Chủ tịch UBND xã", "ubnd")]
    [InlineData("Phó Chủ tịch UBND xã", "ubnd")]
    [InlineData("Phó Bí thư Đoàn Thanh niên", "doan-thanh-nien")]
    [InlineData("Giám đốc Trung tâm Phục vụ hành chính công", "trung-tam-phvc")]
    [InlineData("Trưởng Phòng Văn hóa - Xã hội", "phong-van-hoa-xa-hoi")]
    [InlineData("Chỉ huy trưởng Ban CHQS xã", "quan-su")]
    [InlineData("Phó Bí thư Thường trực Đảng ủy", "dang-uy")]
    public void Role_resolves_to_the_unit_it_heads(string role, string id)
    {
        Assert.Equal(id, IdOf(role));
    }

    [Fact]
    public void Unknown_name_after_a_role_word_keeps_that_word_in_its_name()
    {
        // "Trưởng" (head) folds like "Trường" (school): stripping it must not lose the name.
        var reference = _catalog.Resolve("Trường Tiểu học Bình Minh");

        Assert.Equal(UnitKind.Unrecognised, reference.Unit.Kind);
        Assert.Equal("Trường Tiểu học Bình Minh", reference.Unit.Name);
    }

    [Theory]
    [InlineData("Phòng VH - XH")]
    [InlineData("UB MTTQ")]
    [InlineData("Chánh Văn phòng Đảng ủy")]
    [InlineData("Hợp tác xã Nông nghiệp Bình Minh")]
    public void Reference_keeps_the_name_as_written(string asWritten)
    {
        Assert.Equal(asWritten, _catalog.Resolve(asWritten).AsWritten);
    }

    [Fact]
    public void Reference_drops_stray_spaces_and_edge_punctuation()
    {
        Assert.Equal("Phòng VH - XH", _catalog.Resolve("  Phòng   VH - XH; ").AsWritten);
    }

    [Fact]
    public void Unknown_name_becomes_one_unrecognised_unit_added_to_the_catalogue()
    {
        var before = _catalog.Units.Count;

        var first = _catalog.Resolve("Hợp tác xã Nông nghiệp Bình Minh");
        var second = _catalog.Resolve("Hợp tác xã Nông nghiệp Bình Minh");

        Assert.Equal(UnitKind.Unrecognised, first.Unit.Kind);
        Assert.Equal("Hợp tác xã Nông nghiệp Bình Minh", first.Unit.Name);
        Assert.Same(first.Unit, second.Unit);
        Assert.Equal(before + 1, _catalog.Units.Count);
        Assert.Contains(first.Unit, _catalog.Units);
        Assert.False(first.IsVague);
    }

    [Fact]
    public void Unknown_name_written_differently_is_still_the_same_new_unit()
    {
        var first = _catalog.Resolve("Hợp tác xã Nông nghiệp Bình Minh");
        var second = _catalog.Resolve("hợp tác xã nông nghiệp Bình Minh.");

        Assert.Same(first.Unit, second.Unit);
    }

    [Fact]
    public void Unknown_names_do_not_leak_between_catalogues()
    {
        _catalog.Resolve("Hợp tác xã Nông nghiệp Bình Minh");

        var fresh = UnitCatalog.CreateDefault();

        Assert.Null(fresh.Find("Hợp tác xã Nông nghiệp Bình Minh"));
        Assert.Equal(fresh.Units.Count + 1, _catalog.Units.Count);
    }

    [Fact]
    public void Known_name_does_not_grow_the_catalogue()
    {
        var before = _catalog.Units.Count;

        _catalog.Resolve("Phòng VH - XH");
        _catalog.Resolve("Chánh Văn phòng Đảng ủy");

        Assert.Equal(before, _catalog.Units.Count);
    }

    [Fact]
    public void Related_units_are_a_vague_group()
    {
        var reference = _catalog.Resolve("Các đơn vị liên quan");

        Assert.Equal(UnitKind.Group, reference.Unit.Kind);
        Assert.True(reference.IsVague);
    }

    [Theory]
    [InlineData("các cơ quan có liên quan")]
    [InlineData("Các cơ quan, đơn vị")]
    [InlineData("Các phòng, ban liên quan")]
    [InlineData("cơ quan, đơn vị liên quan")]
    [InlineData("đơn vị có liên quan")]
    public void Group_naming_nobody_in_particular_is_vague(string asWritten)
    {
        var reference = _catalog.Resolve(asWritten);

        Assert.Equal(UnitKind.Group, reference.Unit.Kind);
        Assert.True(reference.IsVague);
    }

    [Fact]
    public void Departments_under_the_peoples_committee_are_a_group_that_is_not_vague()
    {
        var reference = _catalog.Resolve("Các phòng, ban chuyên môn, trung tâm trực thuộc UBND xã");

        Assert.Equal(UnitKind.Group, reference.Unit.Kind);
        Assert.False(reference.IsVague);
    }

    [Fact]
    public void Named_unit_is_never_vague()
    {
        Assert.False(_catalog.Resolve("Công an xã").IsVague);
    }

    [Fact]
    public void Every_default_alias_and_name_resolves_to_its_own_unit()
    {
        foreach (var unit in _catalog.Units)
        {
            foreach (var alias in unit.Aliases.Append(unit.Name))
                Assert.True(ReferenceEquals(unit, _catalog.Find(alias)), $"\"{alias}\" should resolve to {unit.Id} but resolves to {_catalog.Find(alias)?.Id ?? "nothing"}.");
        }
    }

    [Fact]
    public void Default_units_have_distinct_ids()
    {
        var ids = _catalog.Units.Select(u => u.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
