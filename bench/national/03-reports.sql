-- A year of monthly reports in every new commune: one report per unit with work and month, one line per task the
-- unit leads, per task it coordinates on, per indicator it owns. Closed months are verified, some late, some returned
-- and resubmitted, a few never sent; December is open (drafts, some already submitted). A few verified lines corrected.
\set ON_ERROR_STOP on

-- The lines a unit reports each month, from the template's plan.
CREATE TABLE bench.lines AS
WITH leads AS (
  SELECT unit, row_number() OVER (ORDER BY (SELECT "Key" FROM "Units" WHERE "Id" = unit), unit) - 1 AS i, count(*) OVER () AS n FROM (SELECT DISTINCT unit FROM bench.leads) u)
SELECT l.unit, 'Task' AS kind, l.task, NULL::uuid AS indicator, t."Order" AS ord
FROM bench.leads l JOIN "PlanTasks" t ON t."Id" = l.task
UNION ALL
-- About a third of the tasks have a coordinating unit that reports its contribution.
SELECT u.unit, 'Contribution', l.task, NULL, 1000 + t."Order"
FROM bench.leads l JOIN "PlanTasks" t ON t."Id" = l.task JOIN leads u ON u.i = floor(bench.rnd('support:' || t."Order") * u.n)
WHERE u.unit <> l.unit AND bench.rnd('contributes:' || t."Order") < 0.35
UNION ALL
-- An indicator is reported by its owner, or by a lead unit when the plan names none.
SELECT coalesce(x."OwnerUnitId", u.unit), 'Indicator', NULL, x."Id", 2000 + x."Order"
FROM "Indicators" x JOIN leads u ON u.i = floor(bench.rnd('owner:' || x."Order") * u.n)
WHERE x."PlanId" = (SELECT plan FROM bench.tpl);
CREATE TABLE bench.months AS
SELECT "Id" AS period, "Number" AS number, "StartsOn" AS starts, "EndsOn" AS ends, "UnitDueOn" AS due,
       "CompileDueOn" AS compile, "State" = 'Closed' AS closed
FROM "ReportingPeriods" WHERE "PlanId" = (SELECT plan FROM bench.tpl) AND "Kind" = 'Monthly' AND "State" <> 'Scheduled';

-- The reports, drawn once into a staging table (the lines and the summaries read it).
CREATE TABLE bench.reports AS
SELECT r.*,
  CASE WHEN NOT r.closed THEN (CASE WHEN r.x2 < 0.3 THEN 'Submitted' ELSE 'Draft' END)
       WHEN r.x1 < r.missing THEN 'Draft' ELSE 'Verified' END AS state
FROM (
  SELECT bench.remap(m.period, c.id) AS period, bench.remap(u.unit, c.id) AS unit, c.id AS commune, c.k, m.number, m.due,
         m.compile, m.closed, m.ends, c.missing, c.late, c.returned, c.pace,
         bench.rnd('r1:' || c.k || ':' || m.number || ':' || u.key) AS x1,
         bench.rnd('r2:' || c.k || ':' || m.number || ':' || u.key) AS x2,
         bench.rnd('r3:' || c.k || ':' || m.number || ':' || u.key) AS x3,
         bench.rnd('r4:' || c.k || ':' || m.number || ':' || u.key) AS x4,
         bench.id('report:' || c.k || ':' || m.number || ':' || u.key) AS id, u.unit AS tunit
  FROM bench.communes c CROSS JOIN bench.months m
  CROSS JOIN (SELECT DISTINCT l.unit, x."Key" AS key FROM bench.lines l JOIN "Units" x ON x."Id" = l.unit) u) r;
ALTER TABLE bench.reports ADD COLUMN first_at timestamptz, ADD COLUMN returned_at timestamptz,
  ADD COLUMN submitted_at timestamptz, ADD COLUMN verified_at timestamptz;
-- Sent up to a week early, or a day or two late (the period closes after the compile day); December's so far early.
UPDATE bench.reports SET first_at = ((CASE WHEN x2 < late THEN due + 1 + floor(x3 * 2)::int ELSE due - floor(x3 * 8)::int END)
  + time '01:00' + (floor(x4 * 9) || ' hours')::interval) AT TIME ZONE 'UTC'
WHERE state <> 'Draft' AND closed;
UPDATE bench.reports SET first_at = ((due - 14 + floor(x3 * 6)::int) + time '02:00') AT TIME ZONE 'UTC'
WHERE state = 'Submitted';
UPDATE bench.reports SET returned_at = CASE WHEN x4 < returned THEN first_at + interval '20 hours' END WHERE first_at IS NOT NULL;
UPDATE bench.reports SET submitted_at = coalesce(returned_at + interval '22 hours', first_at) WHERE first_at IS NOT NULL;
UPDATE bench.reports SET verified_at = least(submitted_at + interval '1 day', (compile + time '09:00') AT TIME ZONE 'UTC')
WHERE state = 'Verified';

DROP INDEX IF EXISTS bench_reports_unit;
CREATE INDEX bench_reports_unit ON bench.reports (tunit);
ANALYZE bench.reports;

INSERT INTO "Reports" ("Id", "CommuneId", "PeriodId", "UnitId", "State", "Summary", "FirstSubmittedAtUtc", "SubmittedAtUtc",
  "SubmittedBy", "ReturnedAtUtc", "ReturnedBy", "ReturnComment", "VerifiedAtUtc", "VerifiedBy", "DraftSavedAtUtc", "Version")
SELECT id, commune, period, unit, state, NULL, first_at, submitted_at, CASE WHEN first_at IS NOT NULL THEN 'baocao' END,
  returned_at, CASE WHEN returned_at IS NOT NULL THEN 'thuongtruc' END,
  CASE WHEN returned_at IS NOT NULL THEN 'Đề nghị bổ sung minh chứng và số liệu cụ thể.' END,
  verified_at, CASE WHEN verified_at IS NOT NULL THEN 'thuongtruc' END,
  coalesce(first_at, ((due - 3) + time '02:00') AT TIME ZONE 'UTC'), bench.id('version:' || id)
FROM bench.reports;

-- The lines. A task's progress follows the months to its deadline (the year's end when it has none) at the commune's
-- pace; an indicator's value moves towards its target the same way. A report never sent has its lines empty.
INSERT INTO "ReportItems" ("Id", "CommuneId", "ReportId", "Kind", "TaskId", "IndicatorId", "Order", "TaskStatus", "Percent",
  "WorkDone", "Reason", "CompletedOn", "Value", "Numerator", "Denominator", "DataSource", "Version")
SELECT bench.id('item:' || r.id || ':' || l.ord), r.commune, r.id, l.kind,
  bench.remap(l.task, r.commune), bench.remap(l.indicator, r.commune), l.ord,
  CASE WHEN l.kind <> 'Task' OR blank THEN NULL WHEN cannot THEN 'CannotDo' WHEN pct >= 100 THEN 'Done' WHEN pct = 0 THEN 'NotStarted' ELSE 'InProgress' END,
  CASE WHEN l.kind = 'Task' AND NOT blank AND NOT cannot THEN least(pct, 100) END,
  CASE WHEN blank THEN NULL
       WHEN l.kind = 'Contribution' THEN 'Phối hợp triển khai, cung cấp số liệu cho đơn vị chủ trì.'
       WHEN l.kind = 'Task' AND pct >= 100 THEN 'Đã hoàn thành, có văn bản báo cáo kết quả.'
       WHEN l.kind = 'Task' THEN 'Đã triển khai tới các thôn, xóm; đạt khoảng ' || least(pct, 100) || '% khối lượng.' END,
  CASE WHEN l.kind = 'Task' AND NOT blank AND cannot THEN 'Chưa bố trí được kinh phí.' END,
  -- Done on a day already past (an open month's report may be sent before the month ends).
  CASE WHEN l.kind = 'Task' AND NOT blank AND NOT cannot AND pct >= 100 THEN least(r.ends, r.due, current_date - 1) END,
  -- A "%" indicator is reported as numerator over denominator, its value computed from them (as the form does).
  CASE WHEN l.kind = 'Indicator' AND NOT blank THEN CASE WHEN x."TargetUnit" = '%' THEN round(num * 100 / den, 2) ELSE round(iv, 2) END END,
  CASE WHEN l.kind = 'Indicator' AND NOT blank AND x."TargetUnit" = '%' THEN num END,
  CASE WHEN l.kind = 'Indicator' AND NOT blank AND x."TargetUnit" = '%' THEN den END,
  CASE WHEN l.kind = 'Indicator' AND NOT blank THEN 'Số liệu của đơn vị' END,
  bench.id('iversion:' || r.id || l.ord)
FROM bench.reports r
JOIN bench.lines l ON l.unit = r.tunit
LEFT JOIN "PlanTasks" t ON t."Id" = l.task
LEFT JOIN "Indicators" x ON x."Id" = l.indicator
CROSS JOIN LATERAL (SELECT
  r.state = 'Draft' AND r.closed AS blank,
  bench.rnd('cannot:' || r.k || ':' || l.ord) < 0.01 AS cannot,
  floor(100 * r.number::numeric / greatest(1, CASE WHEN extract(year FROM t."DeadlineDue") = extract(year FROM r.ends)
        THEN extract(month FROM t."DeadlineDue") ELSE 12 END) * r.pace * (0.75 + 0.5 * bench.rnd('tp:' || r.k || ':' || l.ord)))::int AS pct,
  (coalesce(x."TargetValue", 100) * least(1.15, r.number / 10.0 * r.pace * (0.8 + 0.4 * bench.rnd('iv:' || r.k || ':' || l.ord))))::numeric AS iv,
  (100 + floor(400 * bench.rnd('den:' || r.k || ':' || l.ord)))::numeric AS den) v
CROSS JOIN LATERAL (SELECT least(v.den, round(v.iv / 100 * v.den)) AS num) w;

-- A few verified task lines corrected after verification, with who, when and why.
INSERT INTO "ReportCorrections" ("Id", "CommuneId", "ItemId", "Field", "Before", "After", "Reason", "CorrectedBy", "CorrectedAtUtc")
SELECT md5('corr' || i."Id"::text)::uuid, i."CommuneId", i."Id", 'Percent', greatest(0, i."Percent" - 10)::text, i."Percent"::text,
  'Cập nhật số liệu sau khi Ủy ban kiểm tra đối chiếu.', 'thuongtruc', r."VerifiedAtUtc" + interval '2 days'
FROM "ReportItems" i JOIN "Reports" r ON r."Id" = i."ReportId"
WHERE r."State" = 'Verified' AND i."Kind" = 'Task' AND i."Percent" IS NOT NULL
  AND i."CommuneId" IN (SELECT id FROM bench.communes) AND bench.rnd('corr:' || i."Id") < 0.004;
