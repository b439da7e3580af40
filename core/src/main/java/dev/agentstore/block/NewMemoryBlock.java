package dev.agentstore.block;

import dev.agentstore.internal.Check;
import dev.agentstore.spi.BlockValues;

/**
 * A memory block to create.
 *
 * @param owner whose it is
 * @param label its name, unique per owner ({@code persona}, {@code human}, {@code task})
 * @param value its text, at most {@code charLimit} characters (Unicode code points)
 * @param charLimit the most characters it may ever hold, 1 to {@link #MAX_CHAR_LIMIT}
 * @param description what it is for (shown to the model beside it), or null
 * @param pinned whether context assembly always includes it
 */
public record NewMemoryBlock(
        BlockOwner owner, String label, String value, int charLimit, String description, boolean pinned) {
    /** The limit of a block created without one. */
    public static final int DEFAULT_CHAR_LIMIT = 5_000;

    /** The largest limit a block may have. */
    public static final int MAX_CHAR_LIMIT = 100_000;

    /** Checks every component; the value must fit the limit. */
    public NewMemoryBlock {
        Check.present("block.owner", owner);
        Check.name("block.label", label);
        Check.range("block.charLimit", charLimit, 1, MAX_CHAR_LIMIT);
        BlockValues.check("block.value", value, charLimit);
        Check.optionalText("block.description", description, 1_000);
    }

    /** An unpinned block with the default limit and no description. */
    public static NewMemoryBlock of(BlockOwner owner, String label, String value) {
        return new NewMemoryBlock(owner, label, value, DEFAULT_CHAR_LIMIT, null, false);
    }

    /** This block with another character limit. */
    public NewMemoryBlock withCharLimit(int limit) {
        return new NewMemoryBlock(owner, label, value, limit, description, pinned);
    }

    /** This block with a description. */
    public NewMemoryBlock withDescription(String text) {
        return new NewMemoryBlock(owner, label, value, charLimit, text, pinned);
    }

    /** This block always included by context assembly. */
    public NewMemoryBlock asPinned() {
        return new NewMemoryBlock(owner, label, value, charLimit, description, true);
    }
}
