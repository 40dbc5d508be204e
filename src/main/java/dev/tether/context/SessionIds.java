package dev.tether.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session IDs: 256 bits from a CSPRNG, URL-safe base64 without padding (43 characters). The store only ever
 * sees {@link #hash} of an ID, so a leaked table holds no usable token.
 */
public final class SessionIds {

    private static final int RANDOM_BYTES = 32;
    public static final int LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA_256 = newSha256();

    private SessionIds() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Length and alphabet only: anything else is treated as "no session" before the store is asked. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            boolean urlSafe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!urlSafe) {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of the ID, hex encoded: what the store keys sessions by. */
    public static String hash(String id) {
        return HEX.formatHex(sha256().digest(id.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A fresh digest, cloned from one found once: looking SHA-256 up among the security providers costs more than
     * hashing an ID, and every request with a session ID hashes it.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Enough of an ID to correlate log lines, too little to use it. */
    public static String forLog(String id) {
        if (id == null) {
            return "<none>";
        }
        return id.length() <= 6 ? "<short id>" : id.substring(0, 6) + "…";
    }
}
