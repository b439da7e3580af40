/**
 * Benchmarks that measure agentstore against raw JDBC, COPY and Redis on the same server in the same run, and
 * report ratios as medians over repeated rounds (the machines are shared and noisy). Run one with
 * {@code mvn -B -q -pl benchmarks -am compile exec:exec -Dbenchmark=<Name>}; figures live in
 * {@code benchmarks/README.md}.
 */
package dev.agentstore.benchmarks;
