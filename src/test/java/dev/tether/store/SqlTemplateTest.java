package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tether.config.TableNames;
import dev.tether.spi.SessionChanges.BeanDelete;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;

/**
 * The statements built once and bound per execution ({@link Sql.Template}) are the statements the builder writes
 * value by value, and a template refuses what would make a wrong statement.
 */
class SqlTemplateTest {

    private final SessionSql sql = new SessionSql(TableNames.DEFAULT, Dialect.POSTGRESQL, StateColumns.unbounded());

    @Test
    void aBoundTemplateIsTheStatementTheBuilderWritesValueByValue() {
        Sql.Template template = new Sql.Builder().append("UPDATE t SET a = ").parameter().append(" WHERE b = ")
                .parameter().template();
        Sql bound = template.bind("x", 7L);
        Sql written = new Sql.Builder().append("UPDATE t SET a = ").value("x").append(" WHERE b = ").value(7L).build();

        assertThat(bound).isEqualTo(written);
        assertThat(bound.text()).isEqualTo("UPDATE t SET a = ?1 WHERE b = ?2");
        assertThat(bound.jdbcText()).isEqualTo("UPDATE t SET a = ? WHERE b = ?");
    }

    @Test
    void aTemplateRefusesTooFewOrTooManyValuesAndAMissingOne() {
        Sql.Template template = new Sql.Builder().append("DELETE FROM t WHERE a = ").parameter().template();

        assertThatThrownBy(template::bind).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 1 values, not 0");
        assertThatThrownBy(() -> template.bind("a", "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 1 values, not 2");
        assertThatThrownBy(() -> template.bind((Object) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NULL");
    }

    @Test
    void placeholdersAndValuesDoNotMixInOneStatement() {
        assertThatThrownBy(() -> new Sql.Builder().append("SELECT a FROM t WHERE b = ").parameter().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("placeholder has no value");
        assertThatThrownBy(() -> new Sql.Builder().append("SELECT a FROM t WHERE b = ").value(1L).template())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("placeholders, not values");
    }

    @Test
    void aNewSessionWithoutAPrincipalWritesTheLiteralNullAndOneWithAPrincipalBindsIt() {
        Sql anonymous = sql.insertSession(new SessionRow("pk", "hash", 1, 2, 3, 4, 5, Optional.empty()));
        Sql named = sql.insertSession(new SessionRow("pk", "hash", 1, 2, 3, 4, 5, Optional.of("alice")));

        assertThat(anonymous.jdbcText()).endsWith("VALUES (?, ?, ?, ?, ?, ?, ?, NULL)");
        assertThat(anonymous.parameters()).containsExactly("pk", "hash", 1L, 2L, 3L, 4L, 5L);
        assertThat(named.jdbcText()).endsWith("VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(named.parameters()).containsExactly("pk", "hash", 1L, 2L, 3L, 4L, 5L, "alice");
    }

    @Test
    void aBeanIsCheckedAgainstItsVersionOnlyWhenItsPolicyAsks() {
        byte[] state = {1, 2};
        Sql checked = sql.updateBean("pk", new BeanWrite("key", "java", state, 4, true));
        Sql lastWriteWins = sql.updateBean("pk", new BeanWrite("key", "java", state, 4, false));

        assertThat(checked.jdbcText()).endsWith("WHERE session_pk = ? AND bean_key = ? AND state_version = ?");
        assertThat(checked.parameters()).containsExactly(state, "java", "pk", "key", 4L);
        assertThat(lastWriteWins.jdbcText()).endsWith("WHERE session_pk = ? AND bean_key = ?");
        assertThat(lastWriteWins.parameters()).containsExactly(state, "java", "pk", "key");
        assertThat(sql.deleteBean("pk", new BeanDelete("key", 4, true)).parameters()).containsExactly("pk", "key", 4L);
        assertThat(sql.deleteBean("pk", new BeanDelete("key", 4, false)).parameters()).containsExactly("pk", "key");
    }

    @Test
    void aPlainTouchBindsTheAccessTimeToEachOfItsPlaces() {
        SessionUpdate.Identity loaded = new SessionUpdate.Identity("hash", Optional.empty());
        Sql touch = sql.updateSession(new SessionUpdate("pk", loaded, null, null, 100, 90)).orElseThrow();

        assertThat(touch.jdbcText()).isEqualTo("UPDATE tether_session SET last_accessed_at = ?, expires_at = CASE WHEN "
                + "? + idle_timeout_ms < absolute_expires_at THEN ? + idle_timeout_ms ELSE absolute_expires_at END "
                + "WHERE session_pk = ? AND expires_at > ?");
        assertThat(touch.parameters()).containsExactly(100L, 100L, 100L, "pk", 90L);
        assertThat(touch.text()).endsWith("WHERE session_pk = ?4 AND expires_at > ?5");
    }
}
