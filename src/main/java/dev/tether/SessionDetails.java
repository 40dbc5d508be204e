package dev.tether;

import java.util.SortedMap;

/**
 * What an operator may see of one session, from {@link PersistentSessions#findByHandle}: its metadata and the keys
 * of the beans it stores with their sizes. Never the beans' contents, and, like every type of this API, never the
 * session ID.
 *
 * @param session   the session's metadata: handle, created, last access, expiry, principal
 * @param beanBytes each stored bean's key (its class and qualifiers) with the length of its stored state in bytes,
 *                  by key
 */
public record SessionDetails(SessionInfo session, SortedMap<String, Long> beanBytes) {
}
