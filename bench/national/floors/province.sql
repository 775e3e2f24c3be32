-- Floor of the province cockpit: every commune of the province with its month's summary row, its rank overall and
-- among its kind, the province's totals, and the months that have figures, in one statement. Variables: province,
-- year, month.
SELECT c."Id", c."Name", c."Kind", c."Area", s.*,
  rank() OVER (ORDER BY s."Score" DESC NULLS LAST) AS rank,
  rank() OVER (PARTITION BY c."Kind" ORDER BY s."Score" DESC NULLS LAST) AS peer_rank,
  sum(s."ReportsExpected") OVER () AS expected, sum(s."ReportsReceived") OVER () AS received,
  sum(s."ReportsDue") OVER () AS due, sum(s."ReportsOnTime") OVER () AS on_time,
  sum(s."KeyTasks") OVER () AS key_tasks, sum(s."KeyTasksOnSchedule") OVER () AS key_on,
  sum(s."IndicatorsJudged") OVER () AS judged, sum(s."IndicatorsMet") OVER () AS met,
  sum(s."BudgetAllocated") OVER () AS allocated, sum(s."BudgetDisbursed") OVER () AS disbursed,
  (SELECT array_agg(DISTINCT m."Year" * 100 + m."Number") FROM "CommunePeriodSummaries" m
   WHERE m."ProvinceId" = :'province' AND m."Kind" = 'Monthly') AS months
FROM "Communes" c
LEFT JOIN "CommunePeriodSummaries" s ON s."CommuneId" = c."Id" AND s."Kind" = 'Monthly' AND s."Year" = :year AND s."Number" = :month
WHERE c."ProvinceId" = :'province'
ORDER BY s."Score" DESC NULLS LAST, c."Name";
