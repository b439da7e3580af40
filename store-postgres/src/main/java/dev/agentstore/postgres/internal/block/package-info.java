/** Memory blocks in PostgreSQL: blocks, their revisions and the agents shared blocks are attached to. */
package dev.agentstore.postgres.internal.block;
