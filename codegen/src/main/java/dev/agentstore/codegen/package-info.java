/**
 * Generates the jOOQ classes each PostgreSQL backend commits under {@code src/main/jooq}: starts a throwaway
 * PostgreSQL, applies the modules' Flyway migrations and reads the resulting schema. Run it with
 * {@code mvn -B -q -pl codegen -am compile exec:exec}; the test command fails when the committed classes differ.
 */
package dev.agentstore.codegen;
