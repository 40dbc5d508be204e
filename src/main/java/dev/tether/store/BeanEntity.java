package dev.tether.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The {@code tether_bean} row. The owning session is written through the plain {@code sessionPk} column;
 * the association is read-only and exists so one query can fetch a session with its beans.
 */
@Entity(name = "TetherBean")
@Table(name = "tether_bean")
public class BeanEntity {

    @Id
    @Column(name = "bean_pk", length = 36)
    String pk;

    @Column(name = "session_pk", length = 36, nullable = false)
    String sessionPk;

    // eager, the default: it is only ever the session fetched together with this row, so it costs nothing,
    // and EclipseLink without weaving turns LAZY to eager anyway, with a warning at every start
    @ManyToOne
    @JoinColumn(name = "session_pk", insertable = false, updatable = false)
    SessionEntity session;

    @Column(name = "bean_key", length = 255, nullable = false)
    String beanKey;

    @Column(name = "codec", length = 16, nullable = false)
    String codec;

    @Column(name = "state_bytes")
    byte[] state;

    @Column(name = "state_version", nullable = false)
    long version;

    protected BeanEntity() {
    }

    BeanEntity(String pk, String sessionPk, String beanKey, String codec, byte[] state, long version) {
        this.pk = pk;
        this.sessionPk = sessionPk;
        this.beanKey = beanKey;
        this.codec = codec;
        this.state = state;
        this.version = version;
    }
}
