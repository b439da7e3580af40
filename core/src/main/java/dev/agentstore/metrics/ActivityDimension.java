package dev.agentstore.metrics;

/** What a row of daily activity is about: one agent, or one user. */
public enum ActivityDimension {
    /**
     * One agent, by the agent of each conversation ({@code Conversation.agentId}); conversations without an agent
     * form one row whose {@link DailyActivity#subjectId()} is null.
     */
    AGENT,
    /** One user, by the user of each conversation. */
    USER
}
