-- Benchmark accounts with the demo accounts' password (ROVIEC_ADMIN_PASSWORD at the first start): the standing office
-- of the first 8 new communes (bench-xa-1 …) and one province office per province (bench-tinh-1 … bench-tinh-34); the
-- national office is the demo's own `trunguong`. Then the statistics, and the helpers go.
\set ON_ERROR_STOP on
CREATE TABLE bench.users AS
SELECT bench.id('user:xa:' || c.k) AS id, 'bench-xa-' || c.k AS name, 'thuongtruc' AS source, c.id AS commune, c.province,
       bench.remap(u."UnitId", c.id) AS unit
FROM bench.communes c CROSS JOIN "AspNetUsers" u WHERE u."UserName" = 'thuongtruc' AND c.k <= 8
UNION ALL
SELECT bench.id('user:tinh:' || p.n), 'bench-tinh-' || p.n, 'tinh', NULL, p.id, NULL FROM bench.provinces p;

INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
  "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
  "CreatedAtUtc", "CommuneId", "ProvinceId", "UnitId", "FullName", "Title")
SELECT b.id, b.name, upper(b.name), NULL, NULL, true, s."PasswordHash", s."SecurityStamp", b.id::text, false, false, true, 0,
  s."CreatedAtUtc", b.commune, b.province, b.unit, 'Tài khoản đo hiệu năng ' || b.name, s."Title"
FROM bench.users b JOIN "AspNetUsers" s ON s."UserName" = b.source;
INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
SELECT b.id, ur."RoleId" FROM bench.users b JOIN "AspNetUsers" s ON s."UserName" = b.source
JOIN "AspNetUserRoles" ur ON ur."UserId" = s."Id";

DROP SCHEMA bench CASCADE;
ANALYZE;
