-- Links between the families of issue 10.
--
-- A conversation may run under an agent; the link is cleared when the agent goes.
--
-- A run's conversation must be its user's own (so a run goes whenever its conversation's messages could still
-- point at it), and an assistant message may point at the run that produced it: a run of the same conversation.
-- Runs go only with their conversation or with their user, whose conversations and so messages go in the same
-- statement, so the message link needs no delete action.

ALTER TABLE conversations ADD COLUMN agent_id uuid;
ALTER TABLE conversations ADD CONSTRAINT conversations_agent
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE SET NULL (agent_id);
CREATE INDEX conversations_by_agent ON conversations (tenant_id, agent_id) WHERE agent_id IS NOT NULL;

CREATE UNIQUE INDEX conversations_with_user ON conversations (tenant_id, id, user_id);
ALTER TABLE agent_runs ADD CONSTRAINT agent_runs_conversation_of_user
    FOREIGN KEY (tenant_id, conversation_id, user_id) REFERENCES conversations (tenant_id, id, user_id)
    ON DELETE CASCADE;

CREATE UNIQUE INDEX agent_runs_in_conversation ON agent_runs (tenant_id, conversation_id, id);
ALTER TABLE messages ADD COLUMN run_id uuid;
ALTER TABLE messages ADD CONSTRAINT messages_run
    FOREIGN KEY (tenant_id, conversation_id, run_id) REFERENCES agent_runs (tenant_id, conversation_id, id);
CREATE INDEX messages_by_run ON messages (tenant_id, conversation_id, run_id) WHERE run_id IS NOT NULL;
