package dev.agentstore.context;

/**
 * The token cost of each part of an {@link AssembledContext}.
 *
 * @param system the system message's
 * @param blocks the memory blocks', as {@link ContextOptions#blockTokens} counts them
 * @param summary the summary's
 * @param recalled the recalled turns', neighbours included
 * @param recent the recent turns'
 */
public record ContextCosts(long system, long blocks, long summary, long recalled, long recent) {
    /** The sum of all parts. */
    public long total() {
        return system + blocks + summary + recalled + recent;
    }
}
