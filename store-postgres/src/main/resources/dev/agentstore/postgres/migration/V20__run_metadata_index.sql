-- Runs listed by a metadata filter (RunQuery.where), as conversations are: a GIN index on the metadata serves
-- containment and key presence.
CREATE INDEX agent_runs_metadata ON agent_runs USING gin (metadata);
