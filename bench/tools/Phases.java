import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Classifies the JFR execution samples of one server run by request phase (bench/tools/phases.txt says how),
 * within the time windows of the measured rounds of one variant (windows.csv, written by bench/run.sh).
 * Appends to phases.csv one line per workload and phase: server, database, workload, variant, phase, samples;
 * the phase {@code (all)} counts the workload's request-thread samples, {@code (truncated)} those of them whose
 * stack JFR cut short. Also appends, to phases-other.txt, the innermost frames outside the JDK most seen in the
 * "other" and "unit" phases, so the table can be adjusted where it misses something.
 *
 * <pre>java Phases.java &lt;phases.txt&gt; &lt;windows.csv&gt; &lt;recording.jfr&gt; &lt;server&gt; &lt;database&gt; &lt;variant&gt; &lt;out dir&gt;</pre>
 */
public final class Phases {

    private static final String SAMPLE = "jdk.ExecutionSample";
    private static final int TOP_FRAMES = 12;

    /** One line {@code frame <key> <frame> [<callee>]} of the table. */
    record Rule(String phase, Pattern frame, Pattern callee) {

        boolean matches(List<String> frames, int index) {
            if (!frame.matcher(frames.get(index)).matches()) {
                return false;
            }
            return callee == null || (index > 0 && callee.matcher(frames.get(index - 1)).matches());
        }
    }

    /** The table: request threads, phases in order, rules in order. */
    record Table(Pattern threads, Map<String, String> phases, List<Rule> rules) {

        static Table read(Path file) {
            Pattern threads = Pattern.compile(".*");
            Map<String, String> phases = new LinkedHashMap<>();
            List<Rule> rules = new ArrayList<>();
            for (String line : lines(file)) {
                String[] f = line.strip().split("\\s+");
                if (f.length < 2 || f[0].startsWith("#")) {
                    continue;
                }
                switch (f[0]) {
                    case "threads" -> threads = Pattern.compile(f[1]);
                    case "phase" -> phases.put(f[1], line.strip().split("\\s+", 3)[2]);
                    case "frame" -> rules.add(new Rule(f[1], Pattern.compile(f[2]),
                            f.length > 3 ? Pattern.compile(f[3]) : null));
                    default -> throw new IllegalArgumentException(file + ": unknown line: " + line);
                }
            }
            return new Table(threads, phases, rules);
        }

        /** The phase of a stack, innermost frame first. */
        String phaseOf(List<String> frames) {
            for (int i = 0; i < frames.size(); i++) {
                for (Rule rule : rules) {
                    if (rule.matches(frames, i)) {
                        return rule.phase();
                    }
                }
            }
            return "other";
        }
    }

    /** A measured round of a cell: [start, end] in epoch milliseconds. */
    record Window(String workload, long start, long end) {
    }

    public static void main(String[] args) throws IOException {
        Table table = Table.read(Path.of(args[0]));
        String server = args[3];
        String database = args[4];
        String variant = args[5];
        Path out = Path.of(args[6]);
        List<Window> windows = windows(Path.of(args[1]), server, database, variant);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> unclaimed = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(Path.of(args[2]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals(SAMPLE) || !isRequestThread(event, table)) {
                    continue;
                }
                Optional<Window> window = windowOf(windows, event.getStartTime().toEpochMilli());
                if (window.isEmpty() || event.getStackTrace() == null) {
                    continue;
                }
                String workload = window.get().workload();
                List<String> frames = frames(event.getStackTrace());
                String phase = table.phaseOf(frames);
                Map<String, Long> byPhase = counts.computeIfAbsent(workload, w -> new LinkedHashMap<>());
                byPhase.merge(phase, 1L, Long::sum);
                byPhase.merge("(all)", 1L, Long::sum);
                if (event.getStackTrace().isTruncated()) {
                    byPhase.merge("(truncated)", 1L, Long::sum);
                }
                if ((phase.equals("other") || phase.equals("unit")) && !frames.isEmpty()) {
                    unclaimed.computeIfAbsent(workload + " / " + phase, k -> new HashMap<>())
                            .merge(telling(frames), 1L, Long::sum);
                }
            }
        }
        write(out.resolve("phases.csv"), csv(counts, server, database, variant));
        write(out.resolve("phases-other.txt"), topFrames(unclaimed, server, database, variant));
    }

    static boolean isRequestThread(RecordedEvent event, Table table) {
        RecordedThread thread = event.getThread("sampledThread");
        return thread != null && thread.getJavaName() != null && table.threads().matcher(thread.getJavaName()).matches();
    }

    /**
     * The stack as "package.Class.method", innermost first, without the glue classes of lambdas
     * ({@code Foo$$Lambda$12+0x...}): their {@code apply} or {@code accept} would otherwise pass for a store
     * method of that name, and they do no work of their own.
     */
    static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod() != null && frame.getMethod().getType() != null
                    && !frame.getMethod().getType().getName().contains("$$Lambda")) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        return frames;
    }

    /** The innermost frame outside the JDK: it says more about who is working than a JDK method does. */
    static String telling(List<String> frames) {
        return frames.stream().filter(f -> !f.startsWith("java.") && !f.startsWith("jdk.") && !f.startsWith("sun."))
                .findFirst().orElse(frames.get(0));
    }

    static List<Window> windows(Path file, String server, String database, String variant) {
        List<Window> windows = new ArrayList<>();
        for (String line : lines(file)) {
            // server,database,workload,variant,round,start_ms,end_ms
            String[] f = line.split(",");
            if (f.length >= 7 && f[0].equals(server) && f[1].equals(database) && f[3].equals(variant)) {
                windows.add(new Window(f[2], Long.parseLong(f[5]), Long.parseLong(f[6])));
            }
        }
        return windows;
    }

    static Optional<Window> windowOf(List<Window> windows, long millis) {
        return windows.stream().filter(w -> millis >= w.start() && millis <= w.end()).findFirst();
    }

    static String csv(Map<String, Map<String, Long>> counts, String server, String database, String variant) {
        StringBuilder csv = new StringBuilder();
        counts.forEach((workload, byPhase) -> byPhase.forEach((phase, samples) -> csv.append(String.join(",",
                server, database, workload, variant, phase, Long.toString(samples))).append('\n')));
        return csv.toString();
    }

    static String topFrames(Map<String, Map<String, Long>> unclaimed, String server, String database, String variant) {
        StringBuilder text = new StringBuilder();
        unclaimed.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(group -> {
            text.append("## ").append(server).append(" / ").append(database).append(" / ").append(variant)
                    .append(" / ").append(group.getKey()).append(": innermost frames\n");
            group.getValue().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(TOP_FRAMES)
                    .forEach(e -> text.append(String.format("%8d  %s%n", e.getValue(), e.getKey())));
        });
        return text.toString();
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
