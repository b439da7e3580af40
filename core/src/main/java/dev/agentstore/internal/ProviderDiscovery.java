package dev.agentstore.internal;

import dev.agentstore.spi.StoreProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds providers with {@link ServiceLoader}; a provider that fails to load is logged and skipped. */
public final class ProviderDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

    private ProviderDiscovery() {}

    public static List<StoreProvider> discover(ClassLoader loader) {
        List<StoreProvider> found = new ArrayList<>();
        Iterator<StoreProvider> it =
                ServiceLoader.load(StoreProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("Skipping an agentstore provider that failed to load: {}", e.getMessage(), e);
            }
        }
    }
}
