package dev.agentstore.agent;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Map;

/**
 * What a channel (web, Slack, WhatsApp, ...) uses when nothing more specific is set.
 *
 * @param channel the channel
 * @param defaultModel the model to use by default, or null
 * @param settings free-form settings, empty if none
 */
public record ChannelDefaults(String channel, String defaultModel, Map<String, Object> settings) {
    /** Checks the components. */
    public ChannelDefaults {
        Check.name("channel", channel);
        Check.optionalName("channel.defaultModel", defaultModel);
        settings = Metadata.copyOf("channel.settings", settings);
    }
}
