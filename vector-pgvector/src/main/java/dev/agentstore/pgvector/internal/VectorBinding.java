package dev.agentstore.pgvector.internal;

import com.pgvector.PGvector;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * pgvector's {@code vector} as {@code float[]} in jOOQ (jOOQ has no vector type): bound as pgvector-java's {@code
 * PGvector} (a parameter of the vector type itself) and cast with {@code ::vector}, read from the text form. The
 * generated {@code VECTOR_CHUNKS.EMBEDDING} uses it (a forced type in codegen).
 */
public final class VectorBinding implements Binding<Object, float[]> {
    private static final long serialVersionUID = 1L;

    private static final Converter<Object, float[]> CONVERTER = Converter.ofNullable(
            Object.class, float[].class, value -> VectorText.parse(value.toString()), VectorText::format);

    @Override
    public Converter<Object, float[]> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<float[]> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(text(ctx.value()))).sql("::vector");
        } else {
            ctx.render().sql(ctx.variable()).sql("::vector");
        }
    }

    @Override
    public void register(BindingRegisterContext<float[]> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<float[]> ctx) throws SQLException {
        // pgvector's own type, not text: a text parameter cast to vector is parsed again wherever the planner
        // cannot fold the cast (generic plans), about 0.5 ms per top-10 search of 384 dimensions.
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.OTHER);
        } else {
            ctx.statement().setObject(ctx.index(), new PGvector(ctx.value()));
        }
    }

    @Override
    public void get(BindingGetResultSetContext<float[]> ctx) throws SQLException {
        String text = ctx.resultSet().getString(ctx.index());
        ctx.value(text == null ? null : VectorText.parse(text));
    }

    @Override
    public void get(BindingGetStatementContext<float[]> ctx) throws SQLException {
        String text = ctx.statement().getString(ctx.index());
        ctx.value(text == null ? null : VectorText.parse(text));
    }

    @Override
    public void set(BindingSetSQLOutputContext<float[]> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("vectors are not written through SQLOutput");
    }

    @Override
    public void get(BindingGetSQLInputContext<float[]> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("vectors are not read through SQLInput");
    }

    private static String text(float[] value) {
        return value == null ? null : VectorText.format(value);
    }
}
