-- The model registry: format, size, quantization, context length, file, pricing and usage.

CREATE TABLE models (
    tenant_id              text          NOT NULL,
    id                     uuid          NOT NULL,
    name                   text          COLLATE "C" NOT NULL,
    format                 text          NOT NULL,
    parameter_count        bigint        CHECK (parameter_count > 0),
    quantization           text,
    context_length         integer       NOT NULL CHECK (context_length > 0),
    file_path              text,
    file_size_bytes        bigint        CHECK (file_size_bytes >= 0),
    input_price_per_1k     numeric CHECK (input_price_per_1k >= 0),
    output_price_per_1k    numeric CHECK (output_price_per_1k >= 0),
    price_currency         char(3),
    metadata               jsonb         NOT NULL DEFAULT '{}',
    active                 boolean       NOT NULL,
    last_used_at           timestamptz,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- Also the keyset-paging index: models list by name.
    UNIQUE (tenant_id, name),
    CHECK ((input_price_per_1k IS NULL) = (price_currency IS NULL))
);
