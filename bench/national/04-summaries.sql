-- One CommunePeriodSummaries row per new commune and month, computed from the generated reports, lines and unit
-- scores as the app computes them when a snapshot is built (the app rebuilds a month's row when it builds that
-- month's snapshot). Money and the period's approval follow the template's month. Then the benchmark users, ANALYZE.
\set ON_ERROR_STOP on

CREATE TABLE bench.task_lines AS
SELECT r.commune, r.number, t."Priority" AS key, i."TaskStatus" AS status, i."Percent" AS pct,
  t."DeadlineDue" < r.ends AS past_deadline,
  -- Behind: more than 20 points under the share of time spent up to the deadline (the year's end when none).
  coalesce(i."Percent", 0) < 100 * r.number::numeric / greatest(1, CASE WHEN extract(year FROM t."DeadlineDue") = extract(year FROM r.ends)
    THEN extract(month FROM t."DeadlineDue") ELSE 12 END) - 20 AS behind
FROM bench.reports r JOIN "ReportItems" i ON i."ReportId" = r.id AND i."Kind" = 'Task'
JOIN "PlanTasks" t ON t."Id" = i."TaskId";

CREATE TABLE bench.rep AS SELECT commune, number, count(*)::int AS expected, count(first_at)::int AS received,
  count(*) FILTER (WHERE (first_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= due)::int AS on_time
FROM bench.reports GROUP BY 1, 2;
CREATE TABLE bench.tl AS SELECT commune, number, count(*) FILTER (WHERE status = 'Done')::int AS done,
  count(*) FILTER (WHERE status IS DISTINCT FROM 'Done' AND NOT coalesce(past_deadline, false) AND behind)::int AS at_risk,
  count(*) FILTER (WHERE status IS DISTINCT FROM 'Done' AND coalesce(past_deadline, false))::int AS overdue,
  count(*) FILTER (WHERE key AND (status = 'Done' OR NOT (coalesce(past_deadline, false) OR behind)))::int AS key_on_schedule
FROM bench.task_lines GROUP BY 1, 2;
CREATE TABLE bench.ind AS SELECT r.commune, r.number, count(i."Value")::int AS judged,
  count(*) FILTER (WHERE i."Value" >= x."TargetValue")::int AS met
FROM bench.reports r JOIN "ReportItems" i ON i."ReportId" = r.id AND i."Kind" = 'Indicator'
JOIN "Indicators" x ON x."Id" = i."IndicatorId" AND x."TargetValue" IS NOT NULL
GROUP BY 1, 2;
CREATE TABLE bench.sc AS SELECT "PeriodId" AS period, count(*)::int AS scored, round(avg("Total"), 2) AS score
FROM "UnitScores" WHERE "CommuneId" IN (SELECT id FROM bench.communes) GROUP BY 1;

INSERT INTO "CommunePeriodSummaries" ("Id", "CommuneId", "ProvinceId", "PeriodId", "PlanId", "Kind", "Year", "Number", "EndsOn",
  "AsOf", "ReportsExpected", "ReportsReceived", "ReportsDue", "ReportsOnTime", "Tasks", "TasksDone", "TasksAtRisk", "TasksOverdue",
  "KeyTasks", "KeyTasksOnSchedule", "Indicators", "IndicatorsJudged", "IndicatorsMet", "BudgetAllocated", "BudgetDisbursed",
  "UnitsScored", "Score", "Band", "Approval", "BuiltAtUtc")
SELECT bench.id('summary:' || c.k || ':' || m.number), c.id, c.province, bench.remap(m.period, c.id), bench.remap(tp.plan, c.id),
  'Monthly', extract(year FROM m.ends)::int, m.number, m.ends,
  CASE WHEN m.closed THEN m.compile ELSE current_date END,
  rep.expected, rep.received, CASE WHEN m.closed THEN rep.expected ELSE 0 END, CASE WHEN m.closed THEN rep.on_time ELSE 0 END,
  (SELECT count(*) FROM "PlanTasks" WHERE "PlanId" = tp.plan), coalesce(tl.done, 0), coalesce(tl.at_risk, 0), coalesce(tl.overdue, 0),
  (SELECT count(*) FROM "PlanTasks" WHERE "PlanId" = tp.plan AND "Priority"), coalesce(tl.key_on_schedule, 0),
  (SELECT count(*) FROM "Indicators" WHERE "PlanId" = tp.plan), coalesce(ind.judged, 0), coalesce(ind.met, 0),
  coalesce(ts."BudgetAllocated", 0), coalesce(ts."BudgetDisbursed", 0),
  coalesce(sc.scored, 0), sc.score,
  CASE WHEN sc.score IS NULL THEN NULL WHEN sc.score >= 90 THEN 'A' WHEN sc.score >= 75 THEN 'B' WHEN sc.score >= 50 THEN 'C' ELSE 'D' END,
  CASE WHEN NOT m.closed THEN 'None' WHEN m.number = (SELECT max(number) FROM bench.months WHERE closed)
       THEN CASE WHEN bench.rnd('appr:' || c.k) < 0.6 THEN 'Approved' ELSE 'None' END
       WHEN bench.rnd('appr:' || c.k || ':' || m.number) < 0.04 THEN 'Returned' ELSE 'Accepted' END,
  CASE WHEN m.closed THEN (m.compile + time '10:00') AT TIME ZONE 'UTC' ELSE now() END
FROM bench.communes c CROSS JOIN bench.months m CROSS JOIN bench.tpl tp
LEFT JOIN "CommunePeriodSummaries" ts ON ts."PeriodId" = m.period
JOIN bench.rep rep ON rep.commune = c.id AND rep.number = m.number
LEFT JOIN bench.tl tl ON tl.commune = c.id AND tl.number = m.number
LEFT JOIN bench.ind ind ON ind.commune = c.id AND ind.number = m.number
LEFT JOIN bench.sc sc ON sc.period = bench.remap(m.period, c.id);
