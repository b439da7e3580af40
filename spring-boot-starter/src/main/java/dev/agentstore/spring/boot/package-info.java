/**
 * Spring Boot auto-configuration for agentstore: add {@code agentstore-spring-boot-starter} and the application gets
 * one {@link dev.agentstore.AgentStore} opened from its {@code agentstore.*} properties, the store's repositories as
 * beans, a health indicator, and, with Spring AI, the {@code ChatMemoryRepository} and {@code VectorStore}.
 */
package dev.agentstore.spring.boot;
