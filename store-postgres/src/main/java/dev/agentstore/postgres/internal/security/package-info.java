/**
 * The security tables in their own schema: credentials with password history and reset tokens, API keys, login
 * attempts and security events. Core applies the rules; these classes store and fetch atomically. Internal.
 */
package dev.agentstore.postgres.internal.security;
