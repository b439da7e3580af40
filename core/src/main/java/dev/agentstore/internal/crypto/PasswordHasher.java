package dev.agentstore.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing in PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), at
 * OWASP's minimum by default. Input is NFC-normalised. At most one hash per core runs at a time, so a burst of
 * logins cannot exhaust memory.
 */
public final class PasswordHasher {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final Semaphore SLOTS = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    public PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    /** OWASP's minimum: m = 19 MiB, t = 2, p = 1. */
    public static PasswordHasher owaspMinimum() {
        return new PasswordHasher(19 * 1024, 2);
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    /** A hash of a fixed password, to spend the same work on unknown users as on real ones. */
    public String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("agentstore-dummy-password-for-unknown-users");
            dummyHash = dummy;
        }
        return dummy;
    }

    /**
     * Whether {@code password} matches {@code phc}, an Argon2id PHC string or a bcrypt hash ({@code $2a$},
     * {@code $2b$}, {@code $2y$}) imported from another system, which {@link #needsRehash} then asks to replace;
     * false for malformed strings.
     */
    public boolean verify(String password, String phc) {
        if (isBcrypt(phc)) {
            return verifyBcrypt(password, phc);
        }
        Phc parsed = Phc.parse(phc);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.memoryKib(), parsed.iterations(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /** Whether {@code hash} is a hash {@link #verify} can check: an Argon2id PHC string of ours, or bcrypt. */
    public boolean isSupported(String hash) {
        return isBcrypt(hash) || Phc.parse(hash) != null;
    }

    /** Whether a stored hash is weaker than the current parameters and should be replaced on next login. */
    public boolean needsRehash(String phc) {
        Phc parsed = Phc.parse(phc);
        return parsed == null || parsed.memoryKib() < memoryKib || parsed.iterations() < iterations;
    }

    private static boolean isBcrypt(String hash) {
        return hash != null && hash.length() == 60 && hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }

    /** bcrypt reads at most 72 bytes of a password, as every implementation does. */
    private static boolean verifyBcrypt(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] used = bytes.length > 72 ? Arrays.copyOf(bytes, 72) : bytes;
        SLOTS.acquireUninterruptibly();
        try {
            return OpenBSDBCrypt.checkPassword(hash, used);
        } catch (IllegalArgumentException e) {
            return false; // a cost or version this library refuses
        } finally {
            SLOTS.release();
        }
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int length) {
        byte[] input = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(1)
                .withSalt(salt)
                .build();
        byte[] out = new byte[length];
        SLOTS.acquireUninterruptibly();
        try {
            // init allocates the whole memory of the hash (19 MiB by default): only inside a slot, so a burst of
            // logins waits instead of allocating a hash's memory per request.
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(input, out);
        } finally {
            SLOTS.release();
        }
        return out;
    }

    private record Phc(int memoryKib, int iterations, byte[] salt, byte[] hash) {
        static Phc parse(String phc) {
            String[] parts = phc == null ? new String[0] : phc.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                String[] params = parts[3].split(",");
                if (params.length != 3
                        || !params[0].startsWith("m=")
                        || !params[1].startsWith("t=")
                        || !params[2].equals("p=1")) {
                    return null; // we only ever write p=1; anything else is not ours
                }
                int m = Integer.parseInt(params[0].substring(2));
                int t = Integer.parseInt(params[1].substring(2));
                byte[] salt = B64D.decode(parts[4]);
                byte[] hash = B64D.decode(parts[5]);
                if (m < 8 || m > 4 * 1024 * 1024 || t < 1 || t > 100 || salt.length < 8 || hash.length < 16) {
                    return null;
                }
                return new Phc(m, t, salt, hash);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
