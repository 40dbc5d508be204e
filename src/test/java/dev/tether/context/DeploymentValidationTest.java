package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Greeter;
import dev.tether.fixtures.broken.BagOfAnything;
import dev.tether.fixtures.broken.CartWithInjectedField;
import dev.tether.fixtures.broken.JsonbBoardWithInterfaceField;
import dev.tether.fixtures.broken.JsonbTripWithFinalNestedField;
import dev.tether.fixtures.broken.NotSerializableCart;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.web.StoreStartup;

/** What Tether cannot store fails the deployment, naming the bean or key and the fix. */
class DeploymentValidationTest {

    @AfterEach
    void clearSettings() {
        System.clearProperty("tether.idle-timeout");
        System.clearProperty("tether.cookie.path");
        System.clearProperty("tether.codec");
        System.clearProperty("tether.schema.create");
        System.clearProperty("tether.datasource");
        System.clearProperty("tether.statement-timeout");
        System.clearProperty("tether.serialize.max-per-node");
        System.clearProperty("tether.table-prefix");
        System.clearProperty("tether.schema.name");
    }

    /**
     * Start observers may run before the server binds the application's own data sources (Payara does), so the
     * container starts; the web module's start ({@link StoreStartup}) then fails the deployment with the fix.
     */
    @Test
    void aDataSourceBoundNowhereFailsTheStoreStartNamingTheKeyOnceTheContainerIsUp() {
        System.setProperty("tether.datasource", "java:app/jdbc/nowhere");
        WeldContainer container = TetherWeld.bare(Greeter.class).initialize();
        try {
            StoreStartup webModuleStart = new StoreStartup();

            assertThatThrownBy(() -> webModuleStart.contextInitialized(null))
                    .hasMessageContaining("'java:app/jdbc/nowhere'")
                    .hasMessageContaining("Fix: set tether.datasource");
        } finally {
            container.close();
        }
    }

    @Test
    void withoutSchemaCreationADatabaseWithoutTheTablesFailsTheDeploymentNamingTheScript() {
        System.setProperty("tether.schema.create", "false");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(() -> weld.initialize().close())
                .hasStackTraceContaining("tether.schema.create=false")
                .hasStackTraceContaining("META-INF/tether/ddl/h2.sql");
    }

    @Test
    void aBeanThatIsNotSerializableFailsTheDeploymentNamingIt() {
        Weld weld = TetherWeld.bare(NotSerializableCart.class, TestStorage.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining(NotSerializableCart.class.getName())
                .hasStackTraceContaining("implements Serializable");
    }

    @Test
    void anInjectedFieldThatIsNotTransientFailsTheDeploymentNamingIt() {
        Weld weld = TetherWeld.bare(CartWithInjectedField.class, Greeter.class, TestStorage.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining(CartWithInjectedField.class.getName())
                .hasStackTraceContaining("'greeter'")
                .hasStackTraceContaining("transient");
    }

    @Test
    void aSettingThatDoesNotParseFailsTheDeploymentNamingTheKey() {
        System.setProperty("tether.idle-timeout", "thirty minutes");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(weld::initialize).hasStackTraceContaining("tether.idle-timeout=thirty minutes");
    }

    @Test
    void aStatementTimeoutOfZeroFailsTheDeploymentNamingTheKey() {
        System.setProperty("tether.statement-timeout", "PT0S");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(weld::initialize).hasStackTraceContaining("tether.statement-timeout=PT0S");
    }

    @Test
    void aNodeWideSerializeCapOfZeroFailsTheDeploymentNamingTheKey() {
        System.setProperty("tether.serialize.max-per-node", "0");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(weld::initialize).hasStackTraceContaining("tether.serialize.max-per-node=0");
    }

    @Test
    void aCookieAttributeWithASemicolonFailsTheDeploymentNamingTheKey() {
        System.setProperty("tether.cookie.path", "/shop; Domain=evil.example");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(weld::initialize).hasStackTraceContaining("tether.cookie.path");
    }

    @Test
    void aJsonbBeanWithAFinalFieldInANestedObjectFailsTheDeploymentNamingTheBeanAndTheField() {
        Weld weld = TetherWeld.bare(JsonbTripWithFinalNestedField.class, TestStorage.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining(JsonbTripWithFinalNestedField.class.getName())
                .hasStackTraceContaining("field 'city'")
                .hasStackTraceContaining("is final");
    }

    @Test
    void aJsonbBeanWithAFieldOfAnInterfaceTypeFailsTheDeploymentNamingTheBeanAndTheField() {
        Weld weld = TetherWeld.bare(JsonbBoardWithInterfaceField.class, TestStorage.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining(JsonbBoardWithInterfaceField.class.getName())
                .hasStackTraceContaining("field 'shape'")
                .hasStackTraceContaining("which class to create");
    }

    @Test
    void withTheJsonbCodecConfiguredABeanWithAListOfObjectFailsTheDeploymentNamingTheBeanAndTheField() {
        System.setProperty("tether.codec", "jsonb");
        Weld weld = TetherWeld.bare(BagOfAnything.class, TestStorage.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining(BagOfAnything.class.getName())
                .hasStackTraceContaining("field 'things'")
                .hasStackTraceContaining("type Object");
    }

    @Test
    void aTablePrefixThatIsNoPlainIdentifierFailsTheDeploymentNamingTheKey() {
        System.setProperty("tether.table-prefix", "x; drop table tether_session; --");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining("tether.table-prefix=x; drop table tether_session; --")
                .hasStackTraceContaining("plain identifier");
    }

    @Test
    void aSchemaNameThatIsNoPlainIdentifierFailsTheDeploymentNamingTheKey() {
        System.setProperty("tether.schema.name", "public.x; drop table tether_session");
        Weld weld = TetherWeld.bare(TestStorage.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining("tether.schema.name=public.x; drop table tether_session")
                .hasStackTraceContaining("plain identifier");
    }
}
