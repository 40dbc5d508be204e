package dev.tether.context;

import java.util.Optional;

/**
 * What the boundary must tell the client after a unit of work was written back.
 *
 * @param idToSend      an ID the client does not have yet (a new session, or a rotated ID)
 * @param expireClient  the client's ID no longer names a session and nothing replaced it
 */
public record WriteBack(Optional<String> idToSend, boolean expireClient) {

    static final WriteBack NOTHING = new WriteBack(Optional.empty(), false);
    static final WriteBack EXPIRE = new WriteBack(Optional.empty(), true);

    static WriteBack sendId(String id) {
        return new WriteBack(Optional.of(id), false);
    }
}
