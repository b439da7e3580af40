-- The daily rollup's cost per currency of the models' pricing (a JSON object of currency code to the amount as a
-- decimal string, exact), instead of one sum added across currencies.
ALTER TABLE daily_metrics_summary ADD COLUMN cost_by_currency jsonb NOT NULL DEFAULT '{}'::jsonb;

-- A stored summary's cost moves to its tenant's currency when the tenant prices every model in one currency. A
-- tenant pricing in several stored a sum of mixed currencies that no currency can be given: it is dropped, and
-- rollupDay recomputes those days from the raw rows retention has kept. The schema owner runs this, and FORCE would
-- confine it to no tenant, so row-level security is lifted for the owner within this migration's transaction only.
ALTER TABLE daily_metrics_summary NO FORCE ROW LEVEL SECURITY;
ALTER TABLE models NO FORCE ROW LEVEL SECURITY;
UPDATE daily_metrics_summary d
SET cost_by_currency = jsonb_build_object(c.currency, d.cost::text)
FROM (SELECT tenant_id, min(price_currency) AS currency
      FROM models
      WHERE price_currency IS NOT NULL
      GROUP BY tenant_id
      HAVING count(DISTINCT price_currency) = 1) c
WHERE d.tenant_id = c.tenant_id AND d.cost IS NOT NULL;
ALTER TABLE daily_metrics_summary FORCE ROW LEVEL SECURITY;
ALTER TABLE models FORCE ROW LEVEL SECURITY;

ALTER TABLE daily_metrics_summary DROP COLUMN cost;
