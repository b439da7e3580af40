package dev.agentstore.postgres.spi;

import dev.agentstore.ConfigurationException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses to talk to a database on another machine in plaintext: a JDBC URL with {@code sslmode=disable} (or
 * {@code allow}, which tries plaintext first) naming any host that is not loopback fails at open, unless
 * {@code postgres.allow-plaintext=true} says the network is trusted. Every other mode passes through to pgjdbc
 * unchanged, so {@code sslmode=verify-full} (with {@code sslrootcert}) gets full certificate and host checks.
 */
public final class TlsPolicy {
    private static final Pattern URL = Pattern.compile("jdbc:postgresql:(?://([^/?]*))?[^?]*(?:\\?(.*))?");
    private static final Pattern SSLMODE = Pattern.compile("(?:^|&)sslmode=([^&]*)");

    private TlsPolicy() {}

    /**
     * Checks the configured URL and every replica URL.
     *
     * @throws ConfigurationException naming the setting to change (the URL itself is not repeated: it may hold a
     *     password)
     */
    public static void check(PostgresSettings settings) {
        if (settings.allowPlaintext()) {
            return;
        }
        if (settings.url() != null) {
            check("postgres.url", settings.url());
        }
        for (String replica : settings.replicaUrls()) {
            check("postgres.replica-urls", replica);
        }
    }

    private static void check(String key, String url) {
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            return; // pgjdbc reports malformed URLs itself
        }
        String hosts = parts.group(1) == null || parts.group(1).isEmpty() ? "localhost" : parts.group(1);
        Matcher mode = SSLMODE.matcher(parts.group(2) == null ? "" : parts.group(2));
        String sslmode = mode.find() ? mode.group(1).toLowerCase(Locale.ROOT) : "prefer";
        if ((sslmode.equals("disable") || sslmode.equals("allow")) && !allLoopback(hosts)) {
            throw new ConfigurationException(key + " asks for sslmode=" + sslmode
                    + " to a host that is not this machine: passwords and data would cross the network in plaintext."
                    + " Use sslmode=verify-full, or set postgres.allow-plaintext=true for a trusted network");
        }
    }

    private static boolean allLoopback(String hosts) {
        for (String hostAndPort : hosts.split(",")) {
            String host = hostAndPort.startsWith("[")
                    ? hostAndPort.substring(1, hostAndPort.indexOf(']'))
                    : hostAndPort.replaceFirst(":\\d*$", "");
            String lower = host.toLowerCase(Locale.ROOT);
            boolean loopback = lower.equals("localhost") || lower.startsWith("127.") || lower.equals("::1");
            if (!loopback) {
                return false;
            }
        }
        return true;
    }
}
