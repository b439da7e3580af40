/** The starter's internals: reading agentstore's settings from Spring's environment. Not API. */
package dev.agentstore.spring.boot.internal;
