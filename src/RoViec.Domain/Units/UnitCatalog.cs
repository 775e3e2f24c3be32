using System.Text.RegularExpressions;
using RoViec.Domain.Text;

namespace RoViec.Domain.Units;

/// <summary>
/// The catalogue of a commune's units with the aliases and abbreviations plans use for them.
/// Resolving a name never fails: a name the catalogue does not know becomes an Unrecognised
/// unit of its own, so every lead and support points at a catalogue entry. See README.md.
/// </summary>
public sealed partial class UnitCatalog
{
    private readonly List<Unit> _units = [];
    private readonly Dictionary<string, Unit> _byAlias = new(StringComparer.Ordinal);

    public IReadOnlyList<Unit> Units => _units;

    public static UnitCatalog CreateDefault()
    {
        var catalog = new UnitCatalog();
        foreach (var unit in DefaultUnits) catalog.Add(unit);
        return catalog;
    }

    public void Add(Unit unit)
    {
        _units.Add(unit);
        foreach (var alias in unit.Aliases.Append(unit.Name))
            _byAlias.TryAdd(Key(alias), unit);
    }

    public UnitRef Resolve(string asWritten)
    {
        var written = VietnameseText.Squash(asWritten).Trim(' ', '.', ',', ';', ':');
        var found = Find(written);
        if (found is null)
        {
            // A group ("Các cơ quan chuyên môn, đơn vị thuộc xã") is several units at once, known as such;
            // any other unknown name waits for the officer to map it.
            var kind = LooksLikeGroup(written) ? UnitKind.Group : UnitKind.Unrecognised;
            var id = (kind == UnitKind.Group ? "group:" : "unrecognised:") + Key(written).Replace(' ', '-');
            found = _units.FirstOrDefault(u => u.Id == id);
            if (found is null)
            {
                found = new Unit(id, written, kind, []);
                Add(found);
            }
        }
        return new UnitRef(written, found);
    }

    public Unit? Find(string name)
    {
        var key = Key(name);
        if (key.Length == 0) return null;
        if (_byAlias.TryGetValue(key, out var unit)) return unit;
        // A role names its unit: "Chánh Văn phòng Đảng ủy" is the Party office, "Trưởng Công an xã" the police.
        var withoutRole = RolePrefixRegex().Replace(key, "");
        if (withoutRole != key && _byAlias.TryGetValue(withoutRole, out unit)) return unit;
        return null;
    }

    /// <summary>"Các đơn vị liên quan", "các cơ quan có liên quan": nobody in particular.</summary>
    public static bool IsVagueGroup(string text) => VagueRegex().IsMatch(VietnameseText.Fold(text));

    /// <summary>"Các phòng, ban chuyên môn", and anything vague even without "các" ("cơ quan, đơn vị liên quan").</summary>
    public static bool LooksLikeGroup(string text) =>
        GroupRegex().IsMatch(VietnameseText.Fold(text)) || IsVagueGroup(text);

    /// <summary>Matching key: folded, "xã"/"phường" suffix and filler words dropped, abbreviations expanded.</summary>
    internal static string Key(string name)
    {
        var folded = " " + VietnameseText.Fold(name) + " ";
        foreach (var (abbr, full) in Abbreviations)
            folded = folded.Replace(" " + abbr + " ", " " + full + " ", StringComparison.Ordinal);
        folded = folded.Replace(" va ", " ", StringComparison.Ordinal);
        var key = VietnameseText.Squash(folded);
        key = SuffixRegex().Replace(key, "");
        return key;
    }

    private static readonly (string Abbr, string Full)[] Abbreviations =
    [
        ("ubnd", "uy ban nhan dan"),
        ("hdnd", "hoi dong nhan dan"),
        ("ub", "uy ban"),
        ("mttq", "mat tran to quoc"),
        ("vn", "viet nam"),
        ("vh", "van hoa"),
        ("xh", "xa hoi"),
        ("vp", "van phong"),
        ("vpdu", "van phong dang uy"),
        ("btv", "ban thuong vu"),
        ("ubkt", "uy ban kiem tra"),
        ("bcd", "ban chi dao"),
        ("ca", "cong an"),
        ("tt", "trung tam"),
        ("pvhcc", "phuc vu hanh chinh cong"),
        ("hcc", "hanh chinh cong"),
        ("xd", "xay dung"),
        ("lhpn", "lien hiep phu nu"),
        ("tn", "thanh nien"),
        ("ccb", "cuu chien binh"),
        ("khcn", "khoa hoc cong nghe"),
        ("kt", "kinh te"),
    ];

    private static Unit U(string id, string name, UnitKind kind, params string[] aliases) => new(id, name, kind, aliases);

    private static readonly Unit[] DefaultUnits =
    [
        U("dang-uy", "Đảng ủy xã", UnitKind.PartyBody, "Đảng ủy", "Cơ quan Đảng ủy xã", "Cơ quan Đảng ủy", "Thường trực Đảng ủy", "TT Đảng ủy"),
        U("btv-dang-uy", "Ban Thường vụ Đảng ủy", UnitKind.PartyBody, "BTV Đảng ủy", "Ban Thường vụ Đảng ủy xã"),
        U("van-phong-dang-uy", "Văn phòng Đảng ủy", UnitKind.PartyBody, "VPĐU", "VP Đảng ủy", "Văn phòng Đảng ủy xã"),
        U("ban-xay-dung-dang", "Ban Xây dựng Đảng", UnitKind.PartyBody, "Ban XD Đảng", "Ban Xây dựng Đảng ủy", "Ban Xây dụng Đảng"),
        U("ubkt", "Ủy ban Kiểm tra Đảng ủy", UnitKind.PartyBody, "UBKT", "UBKT Đảng ủy", "Ủy ban Kiểm tra"),
        U("ubnd", "Ủy ban nhân dân xã", UnitKind.Government, "UBND xã", "UBND", "Ủy ban nhân dân", "UB xã", "Lãnh đạo UBND xã"),
        U("hdnd", "Hội đồng nhân dân xã", UnitKind.Government, "HĐND xã", "HĐND", "Thường trực HĐND xã", "Thường trực HĐND"),
        U("van-phong-hdnd-ubnd", "Văn phòng HĐND và UBND xã", UnitKind.Department, "Văn phòng HĐND - UBND xã", "Văn phòng HĐND - UBND", "Văn phòng HĐND&UBND xã", "Văn phòng HĐND&UBND", "VP HĐND - UBND", "Vp HĐND - UBND xã", "Văn phòng HĐND và UBND", "Văn phòng UBND xã"),
        U("phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", UnitKind.Department, "Phòng VH - XH", "Phòng VH-XH", "Phòng Văn hoá – Xã hội", "Phòng Văn hóa - Xã hội xã", "Phòng Văn hoá-Xã hội", "phòng VHXH"),
        U("phong-kinh-te", "Phòng Kinh tế", UnitKind.Department, "Phòng Kinh tế xã", "Phòng KT"),
        U("phong-kinh-te-ha-tang", "Phòng Kinh tế, Hạ tầng và Đô thị", UnitKind.Department, "Phòng Kinh tế - Hạ tầng và Đô thị", "Phòng KT-HT&ĐT"),
        U("cong-an", "Công an xã", UnitKind.Police, "CA xã", "Công an"),
        U("quan-su", "Ban Chỉ huy Quân sự xã", UnitKind.Police, "Quân sự xã", "Ban CHQS xã"),
        U("trung-tam-phvc", "Trung tâm Phục vụ hành chính công", UnitKind.ServiceCentre, "Trung tâm phục vụ HCC", "Trung tâm PVHCC", "TT PVHCC", "Trung tâm Phục vụ hành chính công xã", "Trung tâm hành chính công", "Trung tâm Hành chính công xã", "Bộ phận Một cửa"),
        U("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", UnitKind.Front, "UB MTTQ", "UBMTTQ", "MTTQ xã", "MTTQ", "Ủy ban MTTQ VN xã", "Mặt trận Tổ quốc", "Mặt trận Tổ quốc xã", "Ủy ban Mặt trận Tổ quốc xã"),
        U("doan-thanh-nien", "Đoàn Thanh niên xã", UnitKind.MassOrganisation, "Đoàn Thanh niên", "Đoàn TN", "Đoàn thanh niên Cộng sản Hồ Chí Minh xã"),
        U("hoi-phu-nu", "Hội Liên hiệp Phụ nữ xã", UnitKind.MassOrganisation, "Hội Phụ nữ", "Hội LHPN xã", "Hội LHPN"),
        U("hoi-nong-dan", "Hội Nông dân xã", UnitKind.MassOrganisation, "Hội Nông dân"),
        U("hoi-cuu-chien-binh", "Hội Cựu chiến binh xã", UnitKind.MassOrganisation, "Hội CCB", "Hội Cựu chiến binh"),
        U("ban-chi-dao", "Ban Chỉ đạo xã", UnitKind.Committee, "Ban Chỉ đạo", "BCĐ", "BCĐ xã", "Thường trực Ban Chỉ đạo xã", "Thường trực Ban Chỉ đạo"),
        U("to-giup-viec", "Tổ Giúp việc Ban Chỉ đạo", UnitKind.Committee, "Tổ Giúp việc", "Tổ Giúp việc Ban Chỉ đạo xã", "Tổ Công tác giúp việc Ban Chỉ đạo"),
        U("to-cong-nghe-so", "Tổ công nghệ số cộng đồng", UnitKind.MassOrganisation, "Tổ CNSCĐ", "Tổ Công nghệ số cộng đồng xã"),
        U("tram-y-te", "Trạm Y tế xã", UnitKind.ServiceCentre, "Trạm Y tế"),
        U("truong-hoc", "Các trường học trên địa bàn", UnitKind.School, "Các đơn vị trường học trên địa bàn xã", "Các đơn vị trường học", "các trường học", "Các trường học trên địa bàn xã"),
        U("thon-xom", "Các thôn, xóm, khối", UnitKind.Village, "các thôn", "các xóm, khối", "các xóm", "các khối", "các thôn, xóm"),
    ];

    // Role words may stack ("Phó Bí thư", "Phó Chủ tịch", "Chỉ huy trưởng"); all of them are dropped.
    [GeneratedRegex(@"^(?:(?:chanh|truong|thu truong|chu tich|pho|bi thu|lanh dao|giam doc|chi huy truong)\s+)+")]
    private static partial Regex RolePrefixRegex();

    [GeneratedRegex(@"\s+(?:xa|phuong|dac khu)$")]
    private static partial Regex SuffixRegex();

    [GeneratedRegex(@"lien quan|co lien quan|cac don vi$|^cac co quan don vi$|theo chuc nang")]
    private static partial Regex VagueRegex();

    [GeneratedRegex(@"^(?:cac|nhung|toan the|thu truong cac|truong cac)\b")]
    private static partial Regex GroupRegex();
}
