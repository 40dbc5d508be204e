package dev.tether.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** The {@code tether_session} row. Plain JPA mappings only, so Hibernate and EclipseLink read it alike. */
@Entity(name = "TetherSession")
@Table(name = "tether_session")
public class SessionEntity {

    @Id
    @Column(name = "session_pk", length = 36)
    String pk;

    @Column(name = "id_hash", length = 64, nullable = false)
    String idHash;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "last_accessed_at", nullable = false)
    long lastAccessedAt;

    @Column(name = "expires_at", nullable = false)
    long expiresAt;

    @Column(name = "idle_timeout_ms", nullable = false)
    long idleTimeoutMillis;

    @Column(name = "absolute_expires_at", nullable = false)
    long absoluteExpiresAt;

    @Column(name = "principal", length = 255)
    String principal;

    @OneToMany(mappedBy = "session")
    List<BeanEntity> beans = new ArrayList<>();

    protected SessionEntity() {
    }

    SessionEntity(SessionRow row) {
        pk = row.pk();
        idHash = row.idHash();
        createdAt = row.createdAt();
        lastAccessedAt = row.lastAccessedAt();
        expiresAt = row.expiresAt();
        idleTimeoutMillis = row.idleTimeoutMillis();
        absoluteExpiresAt = row.absoluteExpiresAt();
        principal = row.principal().orElse(null);
    }

    SessionRow toRow() {
        return new SessionRow(pk, idHash, createdAt, lastAccessedAt, expiresAt, idleTimeoutMillis,
                absoluteExpiresAt, java.util.Optional.ofNullable(principal));
    }
}
