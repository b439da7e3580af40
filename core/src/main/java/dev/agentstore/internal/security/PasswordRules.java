package dev.agentstore.internal.security;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Secret;
import dev.agentstore.security.PasswordPolicy;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Checks a new password against the policy (length, username, blocklist, history). Never echoes it. */
final class PasswordRules {
    private final SecurityContext ctx;

    PasswordRules(SecurityContext ctx) {
        this.ctx = ctx;
    }

    String normalised(Secret password) {
        String value = Normalizer.normalize(password.reveal(), Normalizer.Form.NFC);
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException("password", "must not contain NUL characters");
        }
        return value;
    }

    void checkNew(String username, Secret password, boolean totpEnabled, List<String> recentHashes) {
        PasswordPolicy policy = ctx.policy();
        String value = normalised(password);
        int length = value.codePointCount(0, value.length());
        int min = totpEnabled ? policy.minLengthWithTotp() : policy.minLength();
        if (length < min) {
            throw new InvalidInputException("password", "must be at least " + min + " characters, but had " + length);
        }
        if (length > policy.maxLength()) {
            throw new InvalidInputException("password", "must be at most " + policy.maxLength() + " characters");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password", "must not be the username");
        }
        if (policy.blocklist().contains(lower)) {
            throw new InvalidInputException("password", "is on the list of forbidden passwords");
        }
        for (String hash : recentHashes) {
            if (ctx.hasher().verify(value, hash)) {
                throw new InvalidInputException(
                        "password", "must differ from the last " + policy.historySize() + " passwords");
            }
        }
    }
}
