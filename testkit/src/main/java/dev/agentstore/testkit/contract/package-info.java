/**
 * Contract suites: abstract JUnit classes written against the public interfaces. A backend proves itself by
 * extending each with a class whose only code is {@link dev.agentstore.testkit.contract.StoreContract#openStore}.
 * Every test runs in a fresh tenant, so it starts empty even on a shared database.
 */
package dev.agentstore.testkit.contract;
