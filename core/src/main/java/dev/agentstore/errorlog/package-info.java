/**
 * The error log: errors an application or agent met (service, type, message, stack trace, details, linked agent),
 * kept in UTC months until retention drops them, with counts per type and day.
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.errorlog;
