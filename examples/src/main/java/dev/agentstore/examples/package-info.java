/**
 * Runnable examples of the agentstore SDK. Each example has a {@code main} that opens the store from the
 * {@code AGENTSTORE_*} environment (the in-memory default when nothing is set) and a {@code run} method that
 * takes an open store and an output stream, so tests can run it against every backend.
 */
package dev.agentstore.examples;
