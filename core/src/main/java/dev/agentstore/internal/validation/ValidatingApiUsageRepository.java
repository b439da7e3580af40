package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.internal.WriteLimits;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.ApiUsageQuery;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.usage.ApiUsageStats;
import dev.agentstore.usage.DailyApiUsage;
import dev.agentstore.usage.QuotaStatus;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import java.util.List;
import java.util.Optional;

/** Checks every argument before the backend sees it. */
public final class ValidatingApiUsageRepository implements ApiUsageRepository {
    private final OpenGuard open;
    private final ApiUsageRepository backend;
    private final WriteLimits limits;

    /** Checks arguments for {@code backend}; recorded times must lie within {@code limits}' window. */
    public ValidatingApiUsageRepository(OpenGuard open, ApiUsageRepository backend, WriteLimits limits) {
        this.open = open;
        this.backend = backend;
        this.limits = limits;
    }

    @Override
    public boolean record(ApiCall call) {
        open.check();
        limits.within("call.recordedAt", Check.present("call", call).recordedAt());
        return backend.record(call);
    }

    @Override
    public long recordBatch(List<ApiCall> calls) {
        open.check();
        List<ApiCall> batch = List.copyOf(Check.batch("calls", calls, Limits.MAX_METRIC_BATCH));
        for (int i = 0; i < batch.size(); i++) {
            limits.within("calls[" + i + "].recordedAt", batch.get(i).recordedAt());
        }
        return batch.isEmpty() ? 0 : backend.recordBatch(batch);
    }

    @Override
    public Page<ApiCall> calls(ApiUsageQuery query, PageRequest page) {
        open.check();
        return backend.calls(Check.present("query", query), Check.present("page", page));
    }

    @Override
    public ApiUsageStats stats(ApiUsageQuery query) {
        open.check();
        return backend.stats(Check.present("query", query));
    }

    @Override
    public List<DailyApiUsage> daily(ApiUsageQuery query) {
        open.check();
        return backend.daily(Check.present("query", query));
    }

    @Override
    public void setLimit(UsageLimit limit) {
        open.check();
        backend.setLimit(Check.present("limit", limit));
    }

    @Override
    public Optional<UsageLimit> limit(UsageSubject subject) {
        open.check();
        return backend.limit(Check.present("subject", subject));
    }

    @Override
    public boolean removeLimit(UsageSubject subject) {
        open.check();
        return backend.removeLimit(Check.present("subject", subject));
    }

    @Override
    public Optional<QuotaStatus> quota(UsageSubject subject) {
        open.check();
        return backend.quota(Check.present("subject", subject));
    }
}
