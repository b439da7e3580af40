/**
 * agentstore as Spring AI's chat memory and vector store: {@link dev.agentstore.springai.AgentstoreChatMemoryRepository}
 * and {@link dev.agentstore.springai.AgentstoreVectorStore}, over the repositories of an {@link
 * dev.agentstore.AgentStore} (any backend, any tenant view). Null rule: arguments are non-null, as in Spring AI's own
 * interfaces.
 */
package dev.agentstore.springai;
