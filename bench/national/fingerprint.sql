-- A fingerprint of the generated rows (the new communes' reports, lines and summaries): two runs with the same seed
-- and scale on the same day give the same value. The demo commune's own rows have fresh ids every run and are left out.
SELECT md5(string_agg(x, ',' ORDER BY x)) AS fingerprint FROM (
  SELECT i."Id"::text || i."Kind" || coalesce(i."Percent", -1) || coalesce(i."Value", -1) || coalesce(i."TaskStatus", '') AS x
  FROM "ReportItems" i JOIN "Communes" c ON c."Id" = i."CommuneId" WHERE c."Name" LIKE '% Mẫu %'
  UNION ALL
  SELECT r."Id"::text || r."State" || coalesce(r."FirstSubmittedAtUtc"::text, '') || coalesce(r."ReturnedAtUtc"::text, '')
  FROM "Reports" r JOIN "Communes" c ON c."Id" = r."CommuneId" WHERE c."Name" LIKE '% Mẫu %'
  UNION ALL
  SELECT c."Name" || s."Number" || s."ReportsOnTime" || s."TasksDone" || s."IndicatorsMet" || coalesce(s."Score", -1)
  FROM "CommunePeriodSummaries" s JOIN "Communes" c ON c."Id" = s."CommuneId" WHERE c."Name" LIKE '% Mẫu %') t;
