package dev.agentstore.postgres.spi;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {
    private final DSLContext dsl = PostgresDsl.create((javax.sql.DataSource) null, "chat_data");

    @Test
    void should_render_named_parameters_as_jdbc_placeholders_in_the_configured_schema() {
        SqlTemplate template = SqlTemplate.of(
                dsl,
                DSL.selectFrom(MESSAGES)
                        .where(MESSAGES.TENANT_ID.eq(DSL.param("tenant", String.class)))
                        .and(MESSAGES.CONVERSATION_ID.eq(DSL.param("conversation", UUID.class)))
                        .and(MESSAGES.ROLE.eq(DSL.inline("SYSTEM")))
                        .limit(DSL.param("count", Integer.class)));

        assertThat(template.sql())
                .contains("\"chat_data\".\"messages\"")
                .contains("'SYSTEM'")
                .doesNotContain(":tenant", ":conversation", ":count", "agentstore");
        assertThat(template.sql().chars().filter(c -> c == '?').count()).isEqualTo(3);
    }

    @Test
    void should_keep_inline_literals_that_look_like_parameters_out_of_the_binding() {
        SqlTemplate template = SqlTemplate.of(
                DSL.using(SQLDialect.POSTGRES), DSL.select(DSL.inline("a:b"), DSL.param("x", Integer.class)));

        assertThat(template.sql()).contains("'a:b'").endsWith("?");
    }

    @Test
    void should_refuse_to_render_a_query_with_unnamed_bind_values() {
        assertThatThrownBy(() -> SqlTemplate.of(DSL.using(SQLDialect.POSTGRES), DSL.select(DSL.val(1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
