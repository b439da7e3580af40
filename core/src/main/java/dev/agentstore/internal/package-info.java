/**
 * Internal helpers shared by core and the bundled backends. Not part of the supported API: anything here
 * may change in any release without notice.
 */
package dev.agentstore.internal;
