/** Retrieval statistics: search matches counted in memory and written to the vector backend in batches. */
package dev.agentstore.internal.retrieval;
