package dev.agentstore.spi;

import dev.agentstore.InvalidInputException;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.internal.Check;

/**
 * The rule every memory block value follows, for backends checking an edit against the stored block's limit:
 * clean text (it may be empty) of at most the limit in Unicode code points, which is what PostgreSQL's
 * {@code char_length} counts too.
 */
public final class BlockValues {
    private BlockValues() {}

    /**
     * {@code value} if it follows the rule.
     *
     * @throws InvalidInputException naming {@code field} otherwise
     */
    public static String check(String field, String value, int charLimit) {
        Check.present(field, value);
        if (!value.isEmpty()) {
            Check.text(field, value, NewMemoryBlock.MAX_CHAR_LIMIT * 2);
        }
        int length = value.codePointCount(0, value.length());
        if (length > charLimit) {
            throw new InvalidInputException(
                    field, "must be at most " + charLimit + " characters (the block's limit), but had " + length);
        }
        return value;
    }
}
