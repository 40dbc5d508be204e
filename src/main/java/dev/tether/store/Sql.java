package dev.tether.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One native SQL statement and its parameters, numbered {@code ?1}, {@code ?2}... in the order they were added.
 * A parameter is never {@code null}: a missing value is written as the literal {@code NULL}, because an untyped
 * null parameter is refused by some drivers. {@code jdbcText} is the same statement with JDBC's plain {@code ?}
 * placeholders (each parameter appears once, in order), built beside it rather than rewritten per execution.
 */
record Sql(String text, String jdbcText, List<Object> parameters) {

    /**
     * A statement whose text is the same on every execution, only its values change: both texts are built once,
     * when the store starts, rather than for each request (a load's text is over 300 characters).
     */
    record Template(String text, String jdbcText, int parameterCount) {

        /** The statement with these values, in the order of its placeholders; none may be {@code null}. */
        Sql bind(Object... values) {
            if (values.length != parameterCount) {
                throw new IllegalArgumentException("the statement takes " + parameterCount + " values, not "
                        + values.length + ": " + text);
            }
            for (Object value : values) {
                if (value == null) {
                    throw new IllegalArgumentException("write a missing value as NULL, not as a parameter: " + text);
                }
            }
            return new Sql(text, jdbcText, List.of(values));
        }
    }

    /** Builds a statement piece by piece, numbering the parameters as they come. */
    static final class Builder {

        /** Stands for a template's parameter until it is bound. */
        private static final Object PLACEHOLDER = new Object();

        private final StringBuilder text = new StringBuilder();
        private final StringBuilder jdbcText = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        Builder append(String sql) {
            text.append(sql);
            jdbcText.append(sql);
            return this;
        }

        /** Appends the next parameter's placeholder. */
        Builder value(Object value) {
            if (value == null) {
                throw new IllegalArgumentException("write a missing value as NULL, not as a parameter");
            }
            parameters.add(value);
            text.append('?').append(parameters.size());
            jdbcText.append('?');
            return this;
        }

        /** Appends the placeholder of a template's next parameter, whose value each execution binds. */
        Builder parameter() {
            parameters.add(PLACEHOLDER);
            text.append('?').append(parameters.size());
            jdbcText.append('?');
            return this;
        }

        /** Appends a parameter, or the literal NULL when there is no value. */
        Builder valueOrNull(Object value) {
            return value == null ? append("NULL") : value(value);
        }

        /** The statement as a template, built of {@link #parameter()}s only. */
        Template template() {
            if (parameters.stream().anyMatch(value -> value != PLACEHOLDER)) {
                throw new IllegalStateException("a template takes placeholders, not values: " + text);
            }
            return new Template(text.toString(), jdbcText.toString(), parameters.size());
        }

        Sql build() {
            if (parameters.contains(PLACEHOLDER)) {
                throw new IllegalStateException("a placeholder has no value; bind it through template(): " + text);
            }
            return new Sql(text.toString(), jdbcText.toString(), List.copyOf(parameters));
        }
    }
}
