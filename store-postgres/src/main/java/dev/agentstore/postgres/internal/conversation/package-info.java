/** PostgreSQL conversations: users, sessions, conversations and messages. Internal. */
package dev.agentstore.postgres.internal.conversation;
