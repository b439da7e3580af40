/**
 * agentstore benchmarks. This module is a shell until its own issue lands; see the README's roadmap.
 */
package dev.agentstore.benchmarks;
