-- Run checkpoints (LangGraph's checkpointer): per thread and namespace, checkpoints chained by parent id, with the
-- graph's state, and the pending writes of tasks after a checkpoint. The state is stored whole (jsonb, compressed by
-- TOAST when large), or, when that is less than half the size, as a JSON merge patch against the parent's state
-- (delta); depth counts the deltas back to a whole state (a chain is cut at 16). A
-- checkpoint is identified by (thread, namespace, checkpoint id), so a repeated write is skipped; serial orders them
-- (newest = highest). A run's checkpoints go with the run, and so with its user.
CREATE TABLE checkpoints (
    tenant_id     text        NOT NULL,
    thread_id     text        COLLATE "C" NOT NULL,
    namespace     text        COLLATE "C" NOT NULL,
    checkpoint_id text        COLLATE "C" NOT NULL,
    serial        bigserial   NOT NULL,
    parent_id     text        COLLATE "C",
    run_id        uuid,
    state         jsonb       NOT NULL,
    delta         boolean     NOT NULL DEFAULT false,
    depth         integer     NOT NULL DEFAULT 0 CHECK (depth >= 0),
    metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL,
    CHECK (delta = (depth > 0)),
    CHECK (NOT delta OR parent_id IS NOT NULL),
    PRIMARY KEY (tenant_id, thread_id, namespace, checkpoint_id),
    FOREIGN KEY (tenant_id, run_id) REFERENCES agent_runs (tenant_id, id) ON DELETE CASCADE,
    -- The parent is a checkpoint of the same thread and namespace, checked by the insert itself; when the TTL
    -- removes a parent, its children keep their state and lose the link.
    FOREIGN KEY (tenant_id, thread_id, namespace, parent_id)
        REFERENCES checkpoints (tenant_id, thread_id, namespace, checkpoint_id) ON DELETE SET NULL (parent_id)
);
CREATE INDEX checkpoints_newest ON checkpoints (tenant_id, thread_id, namespace, serial DESC);
CREATE INDEX checkpoints_by_time ON checkpoints (tenant_id, created_at);
CREATE INDEX checkpoints_by_run ON checkpoints (tenant_id, run_id) WHERE run_id IS NOT NULL;
SELECT apply_tenant_policy('checkpoints');

CREATE TABLE checkpoint_writes (
    tenant_id     text    NOT NULL,
    thread_id     text    COLLATE "C" NOT NULL,
    namespace     text    COLLATE "C" NOT NULL,
    checkpoint_id text    COLLATE "C" NOT NULL,
    task_id       text    COLLATE "C" NOT NULL,
    index         integer NOT NULL CHECK (index >= 0),
    channel       text    NOT NULL,
    value         jsonb   NOT NULL,
    PRIMARY KEY (tenant_id, thread_id, namespace, checkpoint_id, task_id, index),
    FOREIGN KEY (tenant_id, thread_id, namespace, checkpoint_id)
        REFERENCES checkpoints (tenant_id, thread_id, namespace, checkpoint_id) ON DELETE CASCADE
);
SELECT apply_tenant_policy('checkpoint_writes');
