/**
 * Run checkpoints (LangGraph's checkpointer, LangGraph4j's saver): per thread and namespace, checkpoints chained by
 * parent ids with their state and the pending writes of tasks, to resume a thread or fork it from any checkpoint.
 */
package dev.agentstore.checkpoint;
