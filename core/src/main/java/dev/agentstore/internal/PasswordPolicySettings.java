package dev.agentstore.internal;

import dev.agentstore.ConfigurationException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.StoreConfig;
import dev.agentstore.security.PasswordPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/** The {@code security.*} settings of a {@link StoreConfig} as a {@link PasswordPolicy}. */
public final class PasswordPolicySettings {
    private PasswordPolicySettings() {}

    /**
     * {@link PasswordPolicy#defaults()} with the settings applied.
     *
     * @throws ConfigurationException if a setting is out of range or the blocklist file cannot be read
     */
    public static PasswordPolicy read(StoreConfig config) {
        PasswordPolicy d = PasswordPolicy.defaults();
        Set<String> blocklist = new HashSet<>(d.blocklist());
        String file = config.get("security.password-blocklist-file");
        if (file != null) {
            try {
                Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .forEach(blocklist::add);
            } catch (IOException | RuntimeException e) {
                throw new ConfigurationException("security.password-blocklist-file could not be read: " + file, e);
            }
        }
        try {
            return new PasswordPolicy(
                    Integer.parseInt(config.get("security.min-password-length", Integer.toString(d.minLength()))),
                    Integer.parseInt(config.get(
                            "security.min-password-length-with-totp", Integer.toString(d.minLengthWithTotp()))),
                    d.maxLength(),
                    Integer.parseInt(config.get("security.password-history", Integer.toString(d.historySize()))),
                    blocklist,
                    Integer.parseInt(config.get("security.lockout-after", Integer.toString(d.maxFailures()))),
                    Integer.parseInt(config.get("security.hard-lock-after", Integer.toString(d.hardLockAfter()))),
                    d.baseLockout(),
                    Duration.parse(
                            config.get("security.max-lockout", d.maxLockout().toString())),
                    d.resetTokenTtl());
        } catch (InvalidInputException | NumberFormatException | DateTimeParseException e) {
            throw new ConfigurationException("invalid security.* setting: " + e.getMessage(), e);
        }
    }
}
