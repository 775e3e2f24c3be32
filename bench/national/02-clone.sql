-- Every commune gets the demo commune's programme: its plans, reporting rules, units, tasks, indicators, periods,
-- scoring scheme, budget lines and unit scores, each row copied with its ids renamed for the commune
-- (bench.remap: the same old id in the same commune always gives the same new id, so references stay whole).
\set ON_ERROR_STOP on

-- Ids of the template's rows: a uuid column holding one of these is a reference to be renamed; any other uuid
-- (a concurrency Version, a user, the province) is kept.
CREATE TABLE bench.ids (old uuid PRIMARY KEY);
DO $$
DECLARE t text;
BEGIN
  INSERT INTO bench.ids SELECT commune FROM bench.tpl;
  FOREACH t IN ARRAY ARRAY['Plans','ReportingRules','Units','ScoringSchemes','PlanTasks','Indicators','ReportingPeriods',
    'PeriodApprovals','TaskBudgetLines','TaskDisbursements','TaskInformationSystems','BudgetEntries','BudgetSettings',
    'ScoreInputs','UnitScores','LayoutProfiles'] LOOP
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t AND column_name = 'Id' AND data_type = 'uuid') THEN
      EXECUTE format('INSERT INTO bench.ids SELECT "Id" FROM %I WHERE "CommuneId" = (SELECT commune FROM bench.tpl) ON CONFLICT DO NOTHING', t);
    END IF;
  END LOOP;
END $$;

-- Copies the template's rows of one table into every new commune; columns named in nulls are left empty.
CREATE FUNCTION bench.clone(t text, nulls text[] DEFAULT '{}') RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE cols text; exprs text; n bigint;
BEGIN
  SELECT string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position),
         string_agg(CASE
           WHEN column_name = ANY(nulls) THEN 'NULL'
           WHEN column_name = 'CommuneId' THEN 'c.id'
           WHEN data_type = 'uuid' THEN format('CASE WHEN s.%1$I IN (SELECT old FROM bench.ids) THEN bench.remap(s.%1$I, c.id) ELSE s.%1$I END', column_name)
           ELSE format('s.%I', column_name) END, ', ' ORDER BY ordinal_position)
  INTO cols, exprs
  FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name = t AND NOT (column_name = 'Id' AND is_identity = 'YES');
  EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I s CROSS JOIN bench.communes c WHERE s."CommuneId" = (SELECT commune FROM bench.tpl)',
    t, cols, exprs, t);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

SELECT 'Plans' AS t, bench.clone('Plans', ARRAY['UploadId']) AS rows
UNION ALL SELECT 'ReportingRules', bench.clone('ReportingRules')
UNION ALL SELECT 'Units', bench.clone('Units')
UNION ALL SELECT 'ScoringSchemes', bench.clone('ScoringSchemes')
UNION ALL SELECT 'PlanTasks', bench.clone('PlanTasks')
UNION ALL SELECT 'Indicators', bench.clone('Indicators')
UNION ALL SELECT 'ReportingPeriods', bench.clone('ReportingPeriods')
UNION ALL SELECT 'PeriodApprovals', bench.clone('PeriodApprovals')
UNION ALL SELECT 'TaskBudgetLines', bench.clone('TaskBudgetLines')
UNION ALL SELECT 'TaskDisbursements', bench.clone('TaskDisbursements')
UNION ALL SELECT 'TaskInformationSystems', bench.clone('TaskInformationSystems')
UNION ALL SELECT 'BudgetEntries', bench.clone('BudgetEntries')
UNION ALL SELECT 'BudgetSettings', bench.clone('BudgetSettings')
UNION ALL SELECT 'ScoreInputs', bench.clone('ScoreInputs')
UNION ALL SELECT 'UnitScores', bench.clone('UnitScores')
UNION ALL SELECT 'LayoutProfiles', bench.clone('LayoutProfiles');

-- Every task of the monthly plan has a lead unit in the copies: a task the plan leaves to "the commune" goes to one of
-- the commune's units, drawn from the seed (so that about every unit reports, as in a commune of ~25 units).
CREATE TABLE bench.leads AS
WITH units AS (SELECT "Id", row_number() OVER (ORDER BY "Key", "Id") - 1 AS i, count(*) OVER () AS n
               FROM "Units" WHERE "CommuneId" = (SELECT commune FROM bench.tpl) AND "Active" AND "ParentId" IS NULL)
SELECT t."Id" AS task, coalesce(t."LeadUnitId", u."Id") AS unit, t."LeadUnitId" IS NULL AS drawn
FROM "PlanTasks" t JOIN units u ON u.i = floor(bench.rnd('lead:' || t."Order") * u.n)
WHERE t."PlanId" = (SELECT plan FROM bench.tpl);
UPDATE "PlanTasks" p SET "LeadUnitId" = bench.remap(l.unit, c.id)
FROM bench.leads l CROSS JOIN bench.communes c
WHERE l.drawn AND p."Id" = bench.remap(l.task, c.id);

-- December is open (the demo's scheduler was off when it was seeded), in every commune.
UPDATE "ReportingPeriods" SET "State" = 'Open', "OpenedAtUtc" = ("OpensOn" + time '01:00')::timestamptz
WHERE "Kind" = 'Monthly' AND "State" = 'Scheduled' AND "OpensOn" <= current_date;

-- Each commune's unit scores around its own level, so the province's ranking has a spread.
UPDATE "UnitScores" s SET
  "Total" = round(greatest(0, least(100, s."Total" + (c.pace - 0.95) * 40
    + (bench.rnd('score:' || c.k || ':' || p."Number" || ':' || u."Key") - 0.5) * 16))::numeric, 2)
FROM bench.communes c, "Units" u, "ReportingPeriods" p
WHERE s."CommuneId" = c.id AND u."Id" = s."UnitId" AND p."Id" = s."PeriodId";
UPDATE "UnitScores" s SET "Band" = CASE WHEN "Total" >= 90 THEN 'A' WHEN "Total" >= 75 THEN 'B' WHEN "Total" >= 50 THEN 'C' ELSE 'D' END
WHERE s."CommuneId" IN (SELECT id FROM bench.communes);
