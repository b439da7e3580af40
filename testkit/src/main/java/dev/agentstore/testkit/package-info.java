/**
 * Test support for agentstore backends: a controllable clock, contract suites every backend extends, and
 * fixtures that start PostgreSQL (with pgvector) and Redis for tests.
 */
package dev.agentstore.testkit;
