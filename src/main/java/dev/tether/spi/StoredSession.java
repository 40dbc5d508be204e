package dev.tether.spi;

import java.util.Map;

/** A session as one query loads it: its row and all its beans, by bean key. */
public record StoredSession(SessionRow row, Map<String, StoredBean> beans) {

    public StoredSession {
        beans = Map.copyOf(beans);
    }
}
