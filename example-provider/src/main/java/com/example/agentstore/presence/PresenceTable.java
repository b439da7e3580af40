package com.example.agentstore.presence;

import java.time.Instant;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code example_presence} table and its columns, named for jOOQ without generated classes. */
final class PresenceTable {
    final Table<?> table;
    final Field<String> tenantId = DSL.field(DSL.name("tenant_id"), SQLDataType.VARCHAR);
    final Field<String> scope = DSL.field(DSL.name("scope"), SQLDataType.VARCHAR);
    final Field<String> member = DSL.field(DSL.name("member"), SQLDataType.VARCHAR);
    final Field<Instant> seenAt = DSL.field(DSL.name("seen_at"), SQLDataType.INSTANT);
    final Field<Instant> expiresAt = DSL.field(DSL.name("expires_at"), SQLDataType.INSTANT);

    PresenceTable(String schema) {
        this.table = DSL.table(DSL.name(schema, "example_presence"));
    }
}
