/**
 * Memory blocks (Letta's core memory): labelled text blocks an agent keeps in its prompt, owned by an agent, a
 * user, or shared between agents, each edit kept as a revision with who made it and when.
 */
package dev.agentstore.block;
