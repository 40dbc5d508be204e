package dev.tether.it.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The application's own entity, in its own default persistence unit. */
@Entity
public class OwnEntity {

    @Id
    @GeneratedValue
    Long id;

    String text;
}
