-- Floor of the national view: every province's month summed from its communes' summary rows, its communes counted,
-- and the months that have figures, in one statement. Variables: year, month.
WITH s AS (
  SELECT "ProvinceId", count(DISTINCT "CommuneId") AS communes, sum("ReportsExpected") AS expected, sum("ReportsReceived") AS received,
    sum("ReportsDue") AS due, sum("ReportsOnTime") AS on_time, sum("KeyTasks") AS key_tasks, sum("KeyTasksOnSchedule") AS key_on,
    sum("IndicatorsJudged") AS judged, sum("IndicatorsMet") AS met, sum("BudgetAllocated") AS allocated,
    sum("BudgetDisbursed") AS disbursed, avg("Score") AS score, count(*) FILTER (WHERE "Approval" = 'Accepted') AS accepted,
    count(*) FILTER (WHERE "TasksOverdue" > 0 OR ("KeyTasks" > 0 AND "KeyTasksOnSchedule" * 10 < "KeyTasks" * 9)) AS at_risk
  FROM "CommunePeriodSummaries"
  WHERE "Kind" = 'Monthly' AND "Year" = :year AND "Number" = :month AND "ProvinceId" IS NOT NULL
  GROUP BY "ProvinceId"),
c AS (SELECT "ProvinceId", count(*) AS communes FROM "Communes" WHERE "ProvinceId" IS NOT NULL GROUP BY "ProvinceId")
SELECT p."Name", c.communes AS total, s.*,
  (SELECT array_agg(DISTINCT m."Year" * 100 + m."Number") FROM "CommunePeriodSummaries" m WHERE m."Kind" = 'Monthly') AS months
FROM "Provinces" p LEFT JOIN c ON c."ProvinceId" = p."Id" LEFT JOIN s ON s."ProvinceId" = p."Id"
ORDER BY p."Name";
