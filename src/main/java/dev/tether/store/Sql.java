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

    /** Builds a statement piece by piece, numbering the parameters as they come. */
    static final class Builder {

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

        /** Appends a parameter, or the literal NULL when there is no value. */
        Builder valueOrNull(Object value) {
            return value == null ? append("NULL") : value(value);
        }

        Sql build() {
            return new Sql(text.toString(), jdbcText.toString(), List.copyOf(parameters));
        }
    }
}
