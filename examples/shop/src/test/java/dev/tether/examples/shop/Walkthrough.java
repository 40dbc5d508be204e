package dev.tether.examples.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The README's walkthrough as steps a test can replay. It reads the {@code console} code blocks between the
 * markers {@code <!-- demo-walkthrough:start -->} and {@code <!-- demo-walkthrough:end -->}: a line that starts
 * with {@code $ } is a command, the lines after it, up to the next command, are what it prints.
 *
 * <p>The printed lines are compared leniently, as a reader compares them: each shown line must appear in the
 * real output, in the order shown, but the real output may hold more lines between them (the README shows only
 * the headers that matter), and {@code ...} inside a line stands for any text (a session ID, a date). A line
 * that is only {@code ...} says "more output here" and is not compared.
 */
final class Walkthrough {

    static final String START = "<!-- demo-walkthrough:start -->";
    static final String END = "<!-- demo-walkthrough:end -->";
    private static final String ELLIPSIS = "...";

    /** One command of the walkthrough and the lines it is shown to print. */
    record Step(String command, List<String> expected) {

        /** The first shown line that the real output lacks (in order), or empty when all are there. */
        Optional<String> firstMissingLine(List<String> actual) {
            int next = 0;
            for (String line : expected) {
                if (line.strip().equals(ELLIPSIS)) {
                    continue;
                }
                Pattern pattern = pattern(line);
                while (next < actual.size() && !pattern.matcher(actual.get(next)).matches()) {
                    next++;
                }
                if (next == actual.size()) {
                    return Optional.of(line);
                }
                next++;
            }
            return Optional.empty();
        }

        private static Pattern pattern(String shownLine) {
            String[] literals = shownLine.strip().split(Pattern.quote(ELLIPSIS), -1);
            List<String> quoted = new ArrayList<>();
            for (String literal : literals) {
                quoted.add(Pattern.quote(literal));
            }
            return Pattern.compile(String.join(".*", quoted));
        }
    }

    private Walkthrough() {
    }

    static List<Step> parse(String markdown) {
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no walkthrough between " + START + " and " + END);
        }
        List<Step> steps = new ArrayList<>();
        boolean inConsoleBlock = false;
        String command = null;
        List<String> expected = new ArrayList<>();
        for (String line : markdown.substring(start, end).split("\n", -1)) {
            String trimmed = line.strip();
            if (!inConsoleBlock) {
                inConsoleBlock = trimmed.equals("```console");
                continue;
            }
            if (trimmed.equals("```") || line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, List.copyOf(expected)));
                }
                command = trimmed.equals("```") ? null : line.substring(2).strip();
                expected.clear();
                inConsoleBlock = !trimmed.equals("```");
            } else if (command != null && !trimmed.isEmpty()) {
                expected.add(line);
            }
        }
        return steps;
    }
}
