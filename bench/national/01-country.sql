-- The country: 34 provinces and :communes communes beside the demo commune, and the helpers the other steps use.
-- Run by scripts/bench.sh with psql -v seed=S -v communes=N on a database the app has migrated and seeded.
\set ON_ERROR_STOP on
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
SELECT set_config('bench.seed', :'seed', false);

-- A number in [0, 1) from a key and the seed: reproducible whatever order or plan the server chooses (random() after
-- setseed() depends on the order rows are produced in, which parallel plans do not fix).
CREATE FUNCTION bench.rnd(key text) RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT ('x' || substr(md5(current_setting('bench.seed') || ':' || key), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
-- A new commune's copy of a row id of the demo commune.
CREATE FUNCTION bench.remap(old uuid, commune uuid) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT md5(old::text || commune::text)::uuid $$;
CREATE FUNCTION bench.id(key text) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT md5(current_setting('bench.seed') || ':' || key)::uuid $$;

CREATE TABLE bench.params AS SELECT :seed::int AS seed, :communes::int AS communes;
-- The template: the demo commune, its province and its monthly plan.
CREATE TABLE bench.tpl AS
SELECT c."Id" AS commune, c."ProvinceId" AS province,
       (SELECT p."PlanId" FROM "ReportingPeriods" p WHERE p."CommuneId" = c."Id" AND p."Kind" = 'Monthly'
        GROUP BY p."PlanId" ORDER BY count(*) DESC LIMIT 1) AS plan
FROM "Communes" c ORDER BY c."Name" = 'Diễn Châu' DESC, c."Id" LIMIT 1;

-- The 34 provinces and cities since 1 July 2025; the demo's Nghệ An is one of them.
CREATE TABLE bench.provinces (n int PRIMARY KEY, id uuid NOT NULL, name text NOT NULL);
INSERT INTO bench.provinces
SELECT n, CASE WHEN name = (SELECT "Name" FROM "Provinces" WHERE "Id" = (SELECT province FROM bench.tpl))
               THEN (SELECT province FROM bench.tpl) ELSE bench.id('province:' || n) END, name
FROM unnest(ARRAY['Hà Nội','Huế','Lai Châu','Điện Biên','Sơn La','Lạng Sơn','Quảng Ninh','Thanh Hóa','Nghệ An','Hà Tĩnh',
  'Cao Bằng','Tuyên Quang','Lào Cai','Thái Nguyên','Phú Thọ','Bắc Ninh','Hưng Yên','Hải Phòng','Ninh Bình','Quảng Trị',
  'Đà Nẵng','Quảng Ngãi','Gia Lai','Khánh Hòa','Lâm Đồng','Đắk Lắk','Thành phố Hồ Chí Minh','Đồng Nai','Tây Ninh',
  'Cần Thơ','Vĩnh Long','Đồng Tháp','Cà Mau','An Giang']) WITH ORDINALITY AS t(name, n);
INSERT INTO "Provinces" ("Id", "Name")
SELECT id, name FROM bench.provinces WHERE id <> (SELECT province FROM bench.tpl);

-- The communes, spread over the provinces in turn; about 7 in 10 communes, 3 in 10 wards, a few special zones.
CREATE TABLE bench.communes (k int PRIMARY KEY, id uuid NOT NULL UNIQUE, province uuid NOT NULL, name text NOT NULL,
  kind text NOT NULL, area text NOT NULL, late double precision, missing double precision, returned double precision,
  pace double precision);
INSERT INTO bench.communes
SELECT k, bench.id('commune:' || k), p.id,
       CASE WHEN bench.rnd('kind:' || k) < 0.28 THEN 'Phường ' WHEN bench.rnd('kind:' || k) > 0.995 THEN 'Đặc khu ' ELSE 'Xã ' END
         || 'Mẫu ' || lpad(k::text, 4, '0'),
       CASE WHEN bench.rnd('kind:' || k) < 0.28 THEN 'Phuong' WHEN bench.rnd('kind:' || k) > 0.995 THEN 'DacKhu' ELSE 'Xa' END,
       'Khu vực ' || (1 + floor(bench.rnd('area:' || k) * 8))::int,
       -- Each commune's own pace: share of late reports, of missing reports, of returns, and how fast its tasks move.
       0.03 + 0.37 * bench.rnd('late:' || k), 0.005 + 0.06 * bench.rnd('missing:' || k),
       0.02 + 0.13 * bench.rnd('returned:' || k), 0.6 + 0.7 * bench.rnd('pace:' || k)
FROM generate_series(1, (SELECT communes FROM bench.params)) k
JOIN bench.provinces p ON p.n = 1 + (k - 1) % 34;
INSERT INTO "Communes" ("Id", "ProvinceId", "Name", "Kind", "Area", "ProposalsDueMonth", "ProposalsDueDay")
SELECT id, province, name, kind, area, 11, 30 FROM bench.communes;
