package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request's bean instances, without a container: what is held, destroyed and unreadable, by bean key. */
class BeanInstancesTest {

    private final BeanInstances instances = new BeanInstances();

    private static BeanInstances.Held held(String key, long version) {
        PersistentBean bean = new PersistentBean(null, key, Object.class, null, false, null, null);
        return new BeanInstances.Held(bean, new Object(), null, new byte[] {1}, version, true);
    }

    @Test
    void aHeldInstanceIsFoundByItsKeyUntilRemoved() {
        BeanInstances.Held cart = held("cart", 3);

        instances.put(cart);

        assertThat(instances.get("cart")).isSameAs(cart);
        assertThat(instances.remove("cart")).isSameAs(cart);
        assertThat(instances.get("cart")).isNull();
    }

    @Test
    void aDestroyedRowKeepsTheVersionItWasReadAtUntilANewInstanceTakesItOver() {
        instances.markDestroyed("cart", 3);

        assertThat(instances.isDestroyed("cart")).isTrue();
        assertThat(instances.destroyedVersions()).containsEntry("cart", 3L);
        assertThat(instances.takeDestroyed("cart")).isEqualTo(3L);
        assertThat(instances.isDestroyed("cart")).isFalse();
        assertThat(instances.destroyedVersions()).isEmpty();
    }

    @Test
    void clearingForgetsInstancesDestroyedRowsAndUnreadableState() {
        instances.put(held("cart", 1));
        instances.markDestroyed("wallet", 2);
        instances.markUnreadable("notes");

        instances.clear();

        assertThat(instances.all()).isEmpty();
        assertThat(instances.destroyedVersions()).isEmpty();
        assertThat(instances.isUnreadable("notes")).isFalse();
    }
}
