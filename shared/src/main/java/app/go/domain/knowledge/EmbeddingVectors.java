package app.go.domain.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How knowledge vectors are stored: one signed byte per dimension (the vector scaled so its largest
 * component is 127), 512 bytes for Titan V2 at 512 dimensions, next to the entries in the seller's
 * partition; and the key of the text a vector belongs to, so an edited entry gets a new vector and
 * an unchanged one keeps its own.
 */
public final class EmbeddingVectors {
    private EmbeddingVectors() {}

    public static byte[] quantize(float[] vector) {
        float max = 0;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        byte[] bytes = new byte[vector.length];
        if (max == 0) {
            return bytes;
        }
        for (int i = 0; i < vector.length; i++) {
            bytes[i] = (byte) Math.round(vector[i] / max * 127);
        }
        return bytes;
    }

    /** Cosine of a float vector and a stored one (the stored scale cancels out). */
    public static double cosine(float[] query, byte[] stored) {
        if (query.length != stored.length) {
            return -1; // a vector of another model or dimension: never a match
        }
        double dot = 0;
        double qq = 0;
        double ss = 0;
        for (int i = 0; i < query.length; i++) {
            dot += query[i] * stored[i];
            qq += query[i] * query[i];
            ss += stored[i] * stored[i];
        }
        return qq == 0 || ss == 0 ? 0 : dot / Math.sqrt(qq * ss);
    }

    /** The text an entry is embedded by: its question and answer as the assistant reads them. */
    public static String text(KnowledgeEntry entry) {
        KnowledgeEntry qa = entry.asQuestionAndAnswer();
        return qa.question() + "\n" + qa.answer();
    }

    /** 24 hex digits of the SHA-256 of the text: the sort-key suffix of its vector item. */
    public static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
