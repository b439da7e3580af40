package dev.agentstore.benchmarks;

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
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * A query vector as a jOOQ bind value, bound as pgvector-java's {@code PGvector}: what vector-pgvector's own
 * (internal) binding does, written again here so that a benchmark can send agentstore's search statement through the
 * supported {@code TenantSql} without the repository around it. Write-only.
 */
final class PgvectorParameter implements Binding<Object, float[]> {
    private static final long serialVersionUID = 1L;

    private static final Converter<Object, float[]> CONVERTER = Converter.ofNullable(
            Object.class,
            float[].class,
            value -> {
                throw new UnsupportedOperationException("write-only");
            },
            vector -> vector);

    /** The data type of a query vector parameter. */
    static final DataType<float[]> TYPE = SQLDataType.OTHER.asConvertedDataType(new PgvectorParameter());

    @Override
    public Converter<Object, float[]> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<float[]> ctx) {
        ctx.render().sql(ctx.variable());
    }

    @Override
    public void set(BindingSetStatementContext<float[]> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.OTHER);
        } else {
            ctx.statement().setObject(ctx.index(), new PGvector(ctx.value()));
        }
    }

    @Override
    public void register(BindingRegisterContext<float[]> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("write-only");
    }

    @Override
    public void set(BindingSetSQLOutputContext<float[]> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("write-only");
    }

    @Override
    public void get(BindingGetResultSetContext<float[]> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("write-only");
    }

    @Override
    public void get(BindingGetStatementContext<float[]> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("write-only");
    }

    @Override
    public void get(BindingGetSQLInputContext<float[]> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("write-only");
    }
}
