package dev.agentstore.postgres.spi;

/**
 * The page layout of a server's write-ahead log, for comparing the two kinds of position PostgreSQL reports. The
 * primary's insert position ({@code pg_current_wal_insert_lsn()}) is where the next record would start, so when the
 * last record ended exactly at the end of a page it lies past the next page's header; a replica's replay position
 * ({@code pg_last_wal_replay_lsn()}) is where the last replayed record ended, the page boundary itself. Without
 * this mapping a replica of a primary that stopped writing at such a boundary would never reach its position.
 *
 * @param blockSize {@code wal_block_size}, bytes per page
 * @param segmentSize {@code wal_segment_size}, bytes per segment file (whose first page has the long header)
 */
record WalLayout(long blockSize, long segmentSize) {
    /** The header of a page, MAXALIGNed ({@code SizeOfXLogShortPHD} on 64-bit servers). */
    static final long PAGE_HEADER = 24;
    /** The header of a segment's first page, MAXALIGNed ({@code SizeOfXLogLongPHD} on 64-bit servers). */
    static final long SEGMENT_HEADER = 40;

    /**
     * The replay position a replica has once it holds every record before the insert position {@code insertLsn}: the
     * page boundary when {@code insertLsn} lies just past a page header (no record can end inside a header), else
     * {@code insertLsn} itself.
     */
    long replayedEquivalentOf(long insertLsn) {
        if (insertLsn % segmentSize == SEGMENT_HEADER) {
            return insertLsn - SEGMENT_HEADER;
        }
        if (insertLsn % blockSize == PAGE_HEADER && insertLsn % segmentSize != PAGE_HEADER) {
            return insertLsn - PAGE_HEADER;
        }
        return insertLsn;
    }
}
