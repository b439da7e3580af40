/**
 * The registry of language models an application can run: format, size, quantization, context length,
 * file, pricing, active flag and last use.
 *
 * <p>Null rule: arguments are non-null unless a parameter or record component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.model;
