-- Floor of the commune dashboard: the month's figures and the trend of the months up to it, computed from the raw
-- reports and lines in one statement (reports received and on time, tasks by status, indicators judged and met,
-- the units' mean score), per month. Variables: plan, month.
SELECT p."Number",
  count(DISTINCT r."Id") AS reports,
  count(DISTINCT r."Id") FILTER (WHERE r."FirstSubmittedAtUtc" IS NOT NULL) AS received,
  count(DISTINCT r."Id") FILTER (WHERE (r."FirstSubmittedAtUtc" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= p."UnitDueOn") AS on_time,
  count(*) FILTER (WHERE i."TaskStatus" = 'Done') AS done,
  count(*) FILTER (WHERE i."TaskStatus" = 'InProgress') AS in_progress,
  count(*) FILTER (WHERE i."TaskStatus" = 'NotStarted') AS not_started,
  count(*) FILTER (WHERE i."TaskStatus" = 'CannotDo') AS cannot_do,
  count(*) FILTER (WHERE t."DeadlineDue" < p."EndsOn" AND i."TaskStatus" IS DISTINCT FROM 'Done') AS overdue,
  count(i."Value") FILTER (WHERE x."TargetValue" IS NOT NULL) AS judged,
  count(*) FILTER (WHERE i."Value" >= x."TargetValue") AS met,
  (SELECT round(avg(s."Total"), 2) FROM "UnitScores" s WHERE s."PeriodId" = p."Id") AS score
FROM "ReportingPeriods" p
JOIN "Reports" r ON r."PeriodId" = p."Id"
JOIN "ReportItems" i ON i."ReportId" = r."Id"
LEFT JOIN "PlanTasks" t ON t."Id" = i."TaskId"
LEFT JOIN "Indicators" x ON x."Id" = i."IndicatorId"
WHERE p."PlanId" = :'plan' AND p."Kind" = 'Monthly' AND p."Number" <= :month
GROUP BY p."Id", p."Number", p."UnitDueOn", p."EndsOn"
ORDER BY p."Number";
