/**
 * The mappings behind the LangChain4j adapters (messages, metadata, filters). Not a supported API: it
 * may change in any release.
 */
package dev.agentstore.langchain4j.internal;
