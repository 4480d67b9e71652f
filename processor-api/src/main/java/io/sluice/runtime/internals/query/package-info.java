/**
 * Interactive queries inside one instance: composite read-only views over the local copies of a
 * store (one per task), value-unwrapping adapters for timestamped stores, the registry of local
 * tasks the views read, and the key and instance metadata computed from the assignment.
 */
package io.sluice.runtime.internals.query;
