package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/** The admin resource is exposed only by an application that subclasses it: no scanning can find it alone. */
class SessionAdminResourceTest {

    @Test
    void itHasNoPathOfItsOwnAndCannotBeInstantiated() {
        assertThat(SessionAdminResource.class.isAnnotationPresent(Path.class)).isFalse();
        assertThat(Modifier.isAbstract(SessionAdminResource.class.getModifiers())).isTrue();
    }

    /** A server that scans for {@code @Path} wherever it is (Payara) would warn at every deployment of Tether. */
    @Test
    void noMethodHasAPathEither() {
        assertThat(SessionAdminResource.class.getDeclaredMethods())
                .noneMatch(method -> method.isAnnotationPresent(Path.class));
    }
}
