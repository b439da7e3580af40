package dev.agentstore.internal;

import dev.agentstore.ConfigurationException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.StoreConfig;
import dev.agentstore.security.PasswordPolicy;
import dev.agentstore.spi.CoreSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String file = CoreSettings.PASSWORD_BLOCKLIST_FILE.read(config);
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
                    CoreSettings.MIN_PASSWORD_LENGTH.read(config),
                    CoreSettings.MIN_PASSWORD_LENGTH_WITH_TOTP.read(config),
                    d.maxLength(),
                    CoreSettings.PASSWORD_HISTORY.read(config),
                    blocklist,
                    CoreSettings.LOCKOUT_AFTER.read(config),
                    CoreSettings.HARD_LOCK_AFTER.read(config),
                    d.baseLockout(),
                    CoreSettings.MAX_LOCKOUT.read(config),
                    d.resetTokenTtl());
        } catch (InvalidInputException e) {
            throw new ConfigurationException("invalid security.* setting: " + e.getMessage(), e);
        }
    }
}
