package dev.tether.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Typed, validated access to raw settings. Every failure names the key. */
final class SettingsReader {

    private final ConfigSource source;

    SettingsReader(ConfigSource source) {
        this.source = source;
    }

    Optional<String> string(String key) {
        return source.get(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    boolean bool(String key, boolean defaultValue) {
        return string(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, value, "expected true or false");
        }).orElse(defaultValue);
    }

    Optional<Duration> duration(String key) {
        return string(key).map(value -> {
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new InvalidSettingException(key, value, "expected a positive duration");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new InvalidSettingException(key, value, "expected an ISO-8601 duration such as PT30M or P7D");
            }
        });
    }

    int positiveInt(String key, int defaultValue) {
        return string(key).map(value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed <= 0) {
                    throw new InvalidSettingException(key, value, "expected a positive number");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, value, "expected a positive number");
            }
        }).orElse(defaultValue);
    }

    /** A positive number of bytes, plain or with a {@code KB} or {@code MB} suffix (powers of 1024). */
    int byteSize(String key, int defaultValue) {
        return string(key).map(value -> {
            String number = value.toUpperCase(Locale.ROOT);
            long unit = 1;
            if (number.endsWith("KB")) {
                unit = 1024;
            } else if (number.endsWith("MB")) {
                unit = 1024 * 1024;
            }
            if (unit > 1) {
                number = number.substring(0, number.length() - 2).strip();
            }
            try {
                long bytes = Math.multiplyExact(Long.parseLong(number), unit);
                if (bytes <= 0 || bytes > Integer.MAX_VALUE - 8) {
                    throw new NumberFormatException(value);
                }
                return (int) bytes;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidSettingException(key, value,
                        "expected a positive size below 2GB in bytes, or with a KB or MB suffix, such as 256KB");
            }
        }).orElse(defaultValue);
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        return string(key).map(value -> {
            String constant = value.toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(constant)).findFirst()
                    .orElseThrow(() -> new InvalidSettingException(key, value, "expected one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
        }).orElse(defaultValue);
    }

    List<String> list(String key) {
        return string(key).map(value -> Arrays.stream(value.split(",")).map(String::strip)
                .filter(item -> !item.isEmpty()).toList()).orElse(List.of());
    }

    /** A name written into SQL statements as it is: letters, digits and underscores, starting with a letter. */
    Optional<String> identifier(String key, int maxLength) {
        return string(key).map(value -> {
            if (!TableNames.isPlainIdentifier(value, maxLength)) {
                throw new InvalidSettingException(key, value, "expected a plain identifier: letters, digits and "
                        + "underscores, starting with a letter, at most " + maxLength + " characters");
            }
            return value;
        });
    }

    /** A value that goes into a Set-Cookie header: a CR, LF, ';' or ',' would split or forge the header. */
    Optional<String> headerSafe(String key) {
        return string(key).map(value -> {
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ';' || c == ',' || c < 0x20 || c > 0x7e)) {
                throw new InvalidSettingException(key, value.replace("\r", "\\r").replace("\n", "\\n"),
                        "it must not contain CR, LF, ';', ',' or non-printable characters");
            }
            return value;
        });
    }
}
