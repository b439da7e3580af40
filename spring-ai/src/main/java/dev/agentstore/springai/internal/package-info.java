/** The mappings behind the Spring AI adapters (messages, metadata, filters). Not a supported API. */
package dev.agentstore.springai.internal;
