/**
 * agentstore as LangChain4j's memory and vector store: {@link dev.agentstore.langchain4j.AgentstoreChatMemoryStore}
 * for chat memories, {@link dev.agentstore.langchain4j.AgentstoreEmbeddingStore} for retrieval, both over the
 * repositories of an {@link dev.agentstore.AgentStore} (any backend, any tenant view). Null rule: arguments are
 * non-null unless a parameter says otherwise, as in LangChain4j's own interfaces.
 */
package dev.agentstore.langchain4j;
