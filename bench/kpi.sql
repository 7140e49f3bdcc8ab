-- DuckDB's side of bench/kpi.sh: the KPIs of docs/kpi.md for a contact CSV,
-- per queue x 15 minutes and per agent x day, with FCR (7 days, across
-- channels), service level 80/20 (short-excluded), short abandons < 5 s.
-- bench/kpi_duckdb.mjs replaces {{CSV}}, {{OUT_QUEUE}} and {{OUT_AGENT}} with
-- paths (a benchmark's own files, not user input).
--
-- Times carry their UTC offset ("2026-02-16T07:00:03+01:00"): the wall-clock
-- part is the local time the intervals are cut in, the offset gives UTC.
CREATE TEMP TABLE contacts AS
WITH raw AS (
  SELECT * FROM read_csv('{{CSV}}', header = true, auto_detect = false, delim = ',', quote = '"',
    columns = {'contact_id': 'BIGINT', 'channel': 'VARCHAR', 'queue': 'VARCHAR',
               'customer_id': 'VARCHAR', 'case_id': 'VARCHAR', 'offered': 'VARCHAR',
               'answered': 'VARCHAR', 'ended': 'VARCHAR', 'hold_s': 'BIGINT',
               'wrap_s': 'BIGINT', 'agent': 'VARCHAR', 'outcome': 'VARCHAR'})
), timed AS (
  SELECT contact_id, queue, agent, customer_id, case_id, outcome, wrap_s,
    strptime(substr(offered, 1, 19), '%Y-%m-%dT%H:%M:%S') AS offered_local,
    -- UTC epoch = local wall clock - offset
    epoch(strptime(substr(offered, 1, 19), '%Y-%m-%dT%H:%M:%S'))::BIGINT
      - (CASE WHEN substr(offered, 20, 1) = '-' THEN -1 ELSE 1 END)
        * (substr(offered, 21, 2)::BIGINT * 3600 + substr(offered, 24, 2)::BIGINT * 60) AS o,
    CASE WHEN answered IS NULL THEN NULL ELSE
      epoch(strptime(substr(answered, 1, 19), '%Y-%m-%dT%H:%M:%S'))::BIGINT
      - (CASE WHEN substr(answered, 20, 1) = '-' THEN -1 ELSE 1 END)
        * (substr(answered, 21, 2)::BIGINT * 3600 + substr(answered, 24, 2)::BIGINT * 60) END AS a,
    epoch(strptime(substr(ended, 1, 19), '%Y-%m-%dT%H:%M:%S'))::BIGINT
      - (CASE WHEN substr(ended, 20, 1) = '-' THEN -1 ELSE 1 END)
        * (substr(ended, 21, 2)::BIGINT * 3600 + substr(ended, 24, 2)::BIGINT * 60) AS e
  FROM raw
), keyed AS (
  SELECT *,
    a IS NOT NULL AS is_answered,
    CASE WHEN a IS NOT NULL THEN a - o ELSE e - o END AS wait_s,
    CASE WHEN case_id IS NOT NULL THEN 'c:' || case_id
         WHEN customer_id IS NOT NULL THEN 'u:' || customer_id END AS fcr_key
  FROM timed
)
SELECT *,
  -- FCR: an answered contact opens an episode when its key had no contact in
  -- the 7 days before; it is resolved when the next is more than 7 days after.
  fcr_key IS NOT NULL AND is_answered
    AND (lag(o) OVER w IS NULL OR o - lag(o) OVER w > 7 * 86400) AS fcr_opens,
  (lead(o) OVER w IS NULL OR lead(o) OVER w - o > 7 * 86400) AS no_repeat
FROM keyed
WINDOW w AS (PARTITION BY fcr_key ORDER BY o, contact_id);

COPY (
  SELECT queue, strftime(time_bucket(INTERVAL 15 MINUTE, offered_local), '%Y-%m-%d %H:%M:%S') AS interval_start,
    count(*) AS offered,
    count(*) FILTER (is_answered) AS answered,
    count(*) FILTER (NOT is_answered AND wait_s >= 5) AS abandoned,
    count(*) FILTER (NOT is_answered AND wait_s < 5) AS short_abandoned,
    -- abandon rate = abandoned / (offered - short abandons)
    abandoned / nullif(offered - short_abandoned, 0) AS abandon_rate,
    sum(wait_s) FILTER (is_answered) / nullif(answered, 0) AS asa_s,
    -- service level (short-excluded) = answered within 20 s / (answered + abandoned)
    count(*) FILTER (is_answered AND wait_s <= 20) / nullif(answered + abandoned, 0) AS service_level,
    -- AHT = (ended - answered, i.e. talk + hold) + wrap-up, over answered
    sum(e - a + wrap_s) FILTER (is_answered) / nullif(answered, 0) AS aht_s,
    max(wait_s) AS longest_wait_s,
    count(*) FILTER (is_answered AND outcome IN ('transferred', 'transfer')) / nullif(answered, 0) AS transfer_rate,
    count(*) FILTER (fcr_opens AND no_repeat) / nullif(count(*) FILTER (fcr_opens), 0) AS fcr,
    count(*) FILTER (fcr_opens) AS fcr_contacts
  FROM contacts GROUP BY ALL ORDER BY queue, interval_start
) TO '{{OUT_QUEUE}}' (HEADER, DELIMITER ',');

COPY (
  SELECT coalesce(agent, '') AS agent, strftime(date_trunc('day', offered_local), '%Y-%m-%d %H:%M:%S') AS interval_start,
    count(*) AS offered,
    count(*) FILTER (is_answered) AS answered,
    count(*) FILTER (NOT is_answered AND wait_s >= 5) AS abandoned,
    count(*) FILTER (NOT is_answered AND wait_s < 5) AS short_abandoned,
    abandoned / nullif(offered - short_abandoned, 0) AS abandon_rate,
    sum(wait_s) FILTER (is_answered) / nullif(answered, 0) AS asa_s,
    count(*) FILTER (is_answered AND wait_s <= 20) / nullif(answered + abandoned, 0) AS service_level,
    sum(e - a + wrap_s) FILTER (is_answered) / nullif(answered, 0) AS aht_s,
    max(wait_s) AS longest_wait_s,
    count(*) FILTER (is_answered AND outcome IN ('transferred', 'transfer')) / nullif(answered, 0) AS transfer_rate,
    count(*) FILTER (fcr_opens AND no_repeat) / nullif(count(*) FILTER (fcr_opens), 0) AS fcr,
    count(*) FILTER (fcr_opens) AS fcr_contacts
  FROM contacts GROUP BY ALL ORDER BY agent, interval_start
) TO '{{OUT_AGENT}}' (HEADER, DELIMITER ',');
