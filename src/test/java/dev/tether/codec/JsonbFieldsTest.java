package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.tether.fixtures.jsonb.Badge;
import dev.tether.fixtures.jsonb.Chain;
import dev.tether.fixtures.jsonb.Choices;
import dev.tether.fixtures.jsonb.PrivateCounter;
import dev.tether.fixtures.jsonb.QuickStartCart;
import dev.tether.fixtures.jsonb.Trip;
import dev.tether.spi.UnreadableStateException;

/** The JSON-B codec stores a bean's fields, whatever their visibility, and gives them back, final ones included. */
class JsonbFieldsTest {

    private final JsonbCodec codec = new JsonbCodec();

    @Test
    void aCounterWithAPrivateFieldAndNoAccessorsKeepsItsValue() {
        PrivateCounter counter = new PrivateCounter();
        counter.inc();
        counter.inc();

        PrivateCounter read = codec.decode(codec.encode(counter), PrivateCounter.class);

        assertThat(read.value()).isEqualTo(2);
    }

    @Test
    void theQuickStartCartGetsTheItemsOfItsFinalListBack() {
        QuickStartCart cart = new QuickStartCart();
        cart.add("tea");

        QuickStartCart read = codec.decode(codec.encode(cart), QuickStartCart.class);

        assertThat(read.getItems()).containsExactly("tea");
    }

    @Test
    void aNestedObjectAMapAndAnEnumKeepTheirPrivateFields() {
        Trip trip = new Trip();
        trip.plan("Lyon", 2, Trip.Mode.BIKE);

        Trip read = codec.decode(codec.encode(trip), Trip.class);

        assertThat(read.describe()).isEqualTo("Lyon x2 {Lyon=160} BIKE");
    }

    @Test
    void storedFieldsAreReadWhileFieldsAddedSinceKeepTheirInitialValueAndFieldsRemovedSinceAreIgnored() {
        byte[] older = "{\"first\":{\"town\":\"Lyon\",\"nights\":2},\"gone\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8);

        Trip read = codec.decode(older, Trip.class);

        assertThat(read.describe()).isEqualTo("Lyon x2 {} TRAIN");
    }

    @Test
    void aStoredFieldThatNoLongerReadsAsItsTypeIsNamedWithTheKindOfJsonAndTheTypeButNotItsValue() {
        byte[] older = "{\"value\":[\"secret\"]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(older, PrivateCounter.class))
                .isInstanceOf(UnreadableStateException.class)
                .hasMessageStartingWith("the stored field 'value' of " + PrivateCounter.class.getName()
                        + " is an array, which does not read as int")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aDocumentNestedTooDeeplyMakesTheBeanStartFreshInsteadOfOverflowingTheStack() {
        int depth = 900;
        String deep = "{\"head\":" + "{\"next\":".repeat(depth) + "null" + "}".repeat(depth) + "}";

        assertThatThrownBy(() -> codec.decode(deep.getBytes(StandardCharsets.UTF_8), Chain.class))
                .isInstanceOf(UnreadableStateException.class);
    }

    @Test
    void theBeansOwnJsonbPropertyNamesAndJsonbTransientFieldsAreHonoured() {
        Badge badge = new Badge();
        badge.rename("Ada");

        String json = new String(codec.encode(badge), StandardCharsets.UTF_8);
        Badge read = codec.decode(json.getBytes(StandardCharsets.UTF_8), Badge.class);

        assertThat(json).isEqualTo("{\"display-name\":\"Ada\"}");
        assertThat(read.name()).isEqualTo("Ada");
        assertThat(read.renders()).isZero();
    }

    @Test
    void emptyOptionalsReadBackEmptyNotNull() {
        Choices read = codec.decode(codec.encode(new Choices()), Choices.class);

        assertThat(read.colour()).isEmpty();
        assertThat(read.size()).isEmpty();
        assertThat(read.shape()).hasValue("round");
        assertThat(new JsonbStateCheck(codec).problemOf(Choices.class)).isEmpty();
    }
}
