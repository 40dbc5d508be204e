package dev.tether.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The {@code tether_lease} row of a cluster-wide task: who runs it, and until when. */
@Entity(name = "TetherLease")
@Table(name = "tether_lease")
public class LeaseEntity {

    @Id
    @Column(name = "lease_name", length = 64)
    String name;

    @Column(name = "holder", length = 64)
    String holder;

    @Column(name = "held_until", nullable = false)
    long heldUntil;

    protected LeaseEntity() {
    }
}
