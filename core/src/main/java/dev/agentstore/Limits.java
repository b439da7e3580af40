package dev.agentstore;

/**
 * The size limits every backend enforces, checked in core before any write.
 *
 * <p>Inputs beyond these are rejected with {@link InvalidInputException} and change nothing.
 */
public final class Limits {
    /** Longest identifier-like string (external ids, names, keys): 256 characters. */
    public static final int MAX_NAME_CHARS = 256;
    /** Longest free text (message content, summaries, cached responses, chunk content): 1,000,000 characters. */
    public static final int MAX_TEXT_CHARS = 1_000_000;
    /** Deepest nesting of maps and lists in metadata. */
    public static final int MAX_METADATA_DEPTH = 8;
    /** Most entries (keys and list elements, counted over all levels) in one metadata value. */
    public static final int MAX_METADATA_ENTRIES = 1_000;
    /** Longest string inside metadata. */
    public static final int MAX_METADATA_STRING_CHARS = 65_536;
    /** Most messages appended in one call. */
    public static final int MAX_MESSAGE_BATCH = 1_000;
    /** Most metric rows recorded in one call. */
    public static final int MAX_METRIC_BATCH = 1_000_000;
    /** Most labels on one point of a labelled metric series, and most labels one aggregate groups by. */
    public static final int MAX_SERIES_LABELS = 16;
    /** Longest name of a labelled metric series or of one of its labels. */
    public static final int MAX_SERIES_NAME_CHARS = 128;
    /** Most chunks upserted in one call. */
    public static final int MAX_CHUNK_BATCH = 100_000;
    /** Deepest nesting of {@code and}, {@code or} and {@code not} in a metadata filter. */
    public static final int MAX_FILTER_DEPTH = 16;
    /** Most nodes (comparisons and connectives) in one metadata filter. */
    public static final int MAX_FILTER_TERMS = 1_000;
    /** Largest page size. */
    public static final int MAX_PAGE_SIZE = 1_000;
    /** Largest vector dimension (pgvector's {@code halfvec} limit). */
    public static final int MAX_DIMENSION = 4_000;
    /** Largest token count of one message or token budget. */
    public static final int MAX_TOKENS = 10_000_000;

    private Limits() {}
}
