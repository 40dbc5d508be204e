import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Writes bench/RESULTS.md, bench/results.csv, bench/rounds.csv, bench/scale.csv, bench/phases.csv and
 * bench/latency-vs-sessions.svg from the raw files bench/run.sh leaves in its work directory (rounds.csv,
 * scale.csv, purge.csv, phases.csv, jmh.csv, machine.txt). Run by run.sh as a single-file program:
 * {@code java Report.java <work dir> <bench dir>}.
 */
public final class Report {

    static final List<String> VARIANTS = List.of("in-memory", "tether", "tether-jdbc", "floor", "spring-session-jdbc",
            "none");
    /** Tether's variants: the default store (JPA) and {@code tether.store=jdbc}, in a copy of the WAR on the same server. */
    static final List<String> TETHERS = List.of("tether", "tether-jdbc");
    static final List<String> WORKLOADS = List.of("no-touch", "read-only", "read-modify-write", "new-session",
            "same-session-8", "read-only-1000", "read-modify-write-1000");
    static final List<String> SERVERS = List.of("wildfly", "payara");
    static final Map<String, String> DATABASES = Map.of("h2", "H2 (embedded, file)", "postgresql", "PostgreSQL");
    static final Map<String, String> SERVER_NAMES = Map.of("wildfly", "WildFly 39.0.1.Final (Hibernate)",
            "payara", "Payara Micro 6.2025.10 (EclipseLink)");
    static final String SPRING = "spring-session-jdbc";
    /** Phases.java's counts that are not phases. */
    static final String ALL = "(all)";
    static final String TRUNCATED = "(truncated)";

    /** One measured round of a variant under a workload: one line of rounds.csv. */
    record Round(String server, String database, String workload, String variant, int round, long requests,
                 long durationMicros, long p50Micros, long p99Micros, long maxMicros, long non2xx, long socketErrors,
                 long selects, long inserts, long updates, long deletes, long merges, long others, long commits,
                 long counterBefore, long counterAfter, long serverCpuMillis, long databaseCpuMillis) {

        static Round parse(String line) {
            String[] f = line.split(",");
            long[] n = new long[23];
            for (int i = 4; i < Math.min(f.length, n.length); i++) {
                n[i] = f[i].isEmpty() ? 0 : Long.parseLong(f[i]);
            }
            return new Round(f[0], f[1], f[2], f[3], (int) n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12],
                    n[13], n[14], n[15], n[16], n[17], n[18], n[19], n[20], n[21], n[22]);
        }

        /** 2xx responses per second: a 409 is not served work. */
        double throughput() {
            return durationMicros == 0 ? 0 : (requests - non2xx) / (durationMicros / 1e6);
        }
    }

    /** A variant under a workload on one server and database: its rounds, summed or by their median. */
    record Cell(String server, String database, String workload, String variant, List<Round> rounds) {

        double throughput() {
            return median(rounds, Round::throughput);
        }

        double minThroughput() {
            return rounds.stream().mapToDouble(Round::throughput).min().orElse(0);
        }

        double maxThroughput() {
            return rounds.stream().mapToDouble(Round::throughput).max().orElse(0);
        }

        double p50() {
            return median(rounds, r -> r.p50Micros() / 1000.0);
        }

        double p99() {
            return median(rounds, r -> r.p99Micros() / 1000.0);
        }

        long sum(Function<Round, Long> field) {
            return rounds.stream().mapToLong(field::apply).sum();
        }

        long requests() {
            return sum(Round::requests);
        }

        long non2xx() {
            return sum(Round::non2xx);
        }

        long ok() {
            return requests() - non2xx();
        }

        long statements() {
            return sum(r -> r.selects() + r.inserts() + r.updates() + r.deletes() + r.merges() + r.others());
        }

        double perRequest(long count) {
            return requests() == 0 ? 0 : (double) count / requests();
        }

        /** CPU time of the server's JVM per request (H2 runs inside it). */
        double serverCpu() {
            return perRequest(sum(Round::serverCpuMillis));
        }

        /** CPU time of the PostgreSQL processes per request (0 on H2). */
        double databaseCpu() {
            return perRequest(sum(Round::databaseCpuMillis));
        }

        /** Increments the session kept, against increments answered 2xx, over all rounds (same-session-8 only). */
        Optional<Long> lostUpdates() {
            if (!workload.equals("same-session-8") || variant.equals("none")
                    || rounds.stream().anyMatch(r -> r.counterBefore() < 0 || r.counterAfter() < 0)) {
                return Optional.empty();
            }
            return Optional.of(Math.max(0, ok() - sum(r -> r.counterAfter() - r.counterBefore())));
        }
    }

    /** One round of Tether's read-modify-write with a number of stored sessions: one line of scale.csv. */
    record ScaleRound(String server, String database, long sessions, int round, long fillSeconds, long requests,
                      long durationMicros, long p50Micros, long p99Micros, long non2xx, long cpuMillis) {

        static ScaleRound parse(String line) {
            String[] f = line.split(",");
            return new ScaleRound(f[0], f[1], Long.parseLong(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                    Long.parseLong(f[10]), Long.parseLong(f[12]) + Long.parseLong(f[13]));
        }

        double throughput() {
            return durationMicros == 0 ? 0 : (requests - non2xx) / (durationMicros / 1e6);
        }
    }

    /** Tether's read-modify-write with a number of stored sessions: the median of its rounds. */
    record ScalePoint(String database, long sessions, long fillSeconds, List<ScaleRound> rounds) {

        double throughput() {
            return median(rounds, ScaleRound::throughput);
        }

        double minThroughput() {
            return rounds.stream().mapToDouble(ScaleRound::throughput).min().orElse(0);
        }

        double maxThroughput() {
            return rounds.stream().mapToDouble(ScaleRound::throughput).max().orElse(0);
        }

        double p50Micros() {
            return median(rounds, r -> (double) r.p50Micros());
        }

        double p99Micros() {
            return median(rounds, r -> (double) r.p99Micros());
        }

        double cpuPerRequest() {
            long requests = rounds.stream().mapToLong(ScaleRound::requests).sum();
            return requests == 0 ? 0 : (double) rounds.stream().mapToLong(ScaleRound::cpuMillis).sum() / requests;
        }
    }

    /** Samples of one phase of a workload (Phases.java's phases.csv). */
    record PhaseCount(String server, String database, String workload, String variant, String phase, long samples) {

        static PhaseCount parse(String line) {
            String[] f = line.split(",");
            return new PhaseCount(f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]));
        }
    }

    /** One JMH result; {@code param} is the value of its one parameter (a size, a store), empty without one. */
    record Jmh(String benchmark, double score, double error, String unit, String param) {

        static Optional<Jmh> parse(String line) {
            List<String> f = csv(line);
            if (f.size() < 7 || f.get(0).equals("Benchmark")) {
                return Optional.empty();
            }
            String name = f.get(0).substring(f.get(0).lastIndexOf('.', f.get(0).lastIndexOf('.') - 1) + 1);
            // one column per parameter of any benchmark in the run, empty where a benchmark has none
            String param = f.subList(Math.min(7, f.size()), f.size()).stream().filter(value -> !value.isEmpty())
                    .findFirst().orElse("");
            return Optional.of(new Jmh(name, number(f.get(4)), number(f.get(5)), f.get(6), param));
        }

        private static double number(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    private final Map<String, String> machine;
    private final List<Round> rounds;
    private final List<Cell> cells;
    private final List<ScaleRound> scaleRounds;
    private final List<ScalePoint> scale;
    private final List<PhaseCount> phases;
    private final Map<String, String> phaseLabels;
    private final List<Jmh> jmh;
    private final List<String[]> purges;
    private final List<String[]> sessionChecks;
    private final Path bench;

    Report(Path work, Path bench) {
        this.bench = bench;
        this.machine = readLines(work.resolve("machine.txt")).stream().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> b, LinkedHashMap::new));
        this.rounds = nonBlank(work.resolve("rounds.csv")).stream().map(Round::parse).toList();
        this.cells = cellsOf(rounds);
        this.scaleRounds = nonBlank(work.resolve("scale.csv")).stream().map(ScaleRound::parse).toList();
        this.scale = scalePointsOf(scaleRounds);
        this.phases = nonBlank(work.resolve("phases.csv")).stream().map(PhaseCount::parse).toList();
        this.phaseLabels = phaseLabels(bench.resolve("tools/phases.txt"));
        this.jmh = readLines(work.resolve("jmh.csv")).stream().map(Jmh::parse).flatMap(Optional::stream).toList();
        this.purges = nonBlank(work.resolve("purge.csv")).stream().map(l -> l.split(",")).toList();
        this.sessionChecks = nonBlank(work.resolve("checks.csv")).stream().map(l -> l.split(",")).toList();
    }

    public static void main(String[] args) throws IOException {
        Report report = new Report(Path.of(args[0]), Path.of(args[1]));
        report.write();
    }

    void write() throws IOException {
        Files.writeString(bench.resolve("results.csv"), resultsCsv());
        Files.writeString(bench.resolve("rounds.csv"), roundsCsv());
        Files.writeString(bench.resolve("scale.csv"), scaleCsv());
        Files.writeString(bench.resolve("phases.csv"), phasesCsv());
        Files.writeString(bench.resolve("latency-vs-sessions.svg"), new Chart(scale).svg());
        Files.writeString(bench.resolve("RESULTS.md"), markdown());
    }

    static List<Cell> cellsOf(List<Round> rounds) {
        Map<List<String>, List<Round>> grouped = rounds.stream().collect(Collectors.groupingBy(
                r -> List.of(r.server(), r.database(), r.workload(), r.variant()), LinkedHashMap::new,
                Collectors.toList()));
        List<Cell> cells = new ArrayList<>();
        grouped.forEach((key, list) -> cells.add(new Cell(key.get(0), key.get(1), key.get(2), key.get(3), list)));
        cells.sort(Comparator.comparing((Cell c) -> SERVERS.indexOf(c.server())).thenComparing(Cell::database)
                .thenComparing(c -> WORKLOADS.indexOf(c.workload())).thenComparing(c -> VARIANTS.indexOf(c.variant())));
        return cells;
    }

    static List<ScalePoint> scalePointsOf(List<ScaleRound> rounds) {
        Map<List<Object>, List<ScaleRound>> grouped = rounds.stream().collect(Collectors.groupingBy(
                r -> List.of(r.database(), r.sessions()), LinkedHashMap::new, Collectors.toList()));
        List<ScalePoint> points = new ArrayList<>();
        grouped.forEach((key, list) -> points.add(new ScalePoint((String) key.get(0), (Long) key.get(1),
                list.get(0).fillSeconds(), list)));
        return points;
    }

    /** The labels of the phases, in the order of the table (bench/tools/phases.txt). */
    static Map<String, String> phaseLabels(Path table) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : readLines(table)) {
            String[] f = line.strip().split("\\s+", 3);
            if (f.length == 3 && f[0].equals("phase")) {
                labels.put(f[1], f[2]);
            }
        }
        return labels;
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> of) {
        double[] sorted = values.stream().mapToDouble(of).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // ---- CSV

    String resultsCsv() {
        StringBuilder csv = new StringBuilder("server,database,workload,variant,rounds,throughput_rps_median,"
                + "throughput_rps_min,throughput_rps_max,p50_ms,p99_ms,server_cpu_ms_per_req,db_cpu_ms_per_req,"
                + "select_per_req,insert_per_req,update_per_req,delete_per_req,other_per_req,commits_per_req,"
                + "non2xx_pct\n");
        for (Cell c : cells) {
            csv.append(String.join(",", c.server(), c.database(), c.workload(), c.variant(),
                    Integer.toString(c.rounds().size()), fmt("%.1f", c.throughput()), fmt("%.1f", c.minThroughput()),
                    fmt("%.1f", c.maxThroughput()), fmt("%.2f", c.p50()), fmt("%.2f", c.p99()),
                    fmt("%.3f", c.serverCpu()), fmt("%.3f", c.databaseCpu()),
                    fmt("%.2f", c.perRequest(c.sum(Round::selects))), fmt("%.2f", c.perRequest(c.sum(Round::inserts))),
                    fmt("%.2f", c.perRequest(c.sum(Round::updates))), fmt("%.2f", c.perRequest(c.sum(Round::deletes))),
                    fmt("%.2f", c.perRequest(c.sum(r -> r.merges() + r.others()))),
                    fmt("%.2f", c.perRequest(c.sum(Round::commits))),
                    fmt("%.1f", c.requests() == 0 ? 0 : 100.0 * c.non2xx() / c.requests()))).append('\n');
        }
        return csv.toString();
    }

    /** The raw rounds, as measured. */
    String roundsCsv() {
        StringBuilder csv = new StringBuilder("server,database,workload,variant,round,requests,duration_us,p50_us,"
                + "p99_us,max_us,non2xx,socket_errors,select,insert,update,delete,merge,other,commits,counter_before,"
                + "counter_after,server_cpu_ms,db_cpu_ms\n");
        for (Cell c : cells) {
            for (Round r : c.rounds()) {
                csv.append(String.join(",", r.server(), r.database(), r.workload(), r.variant()));
                for (long n : new long[] {r.round(), r.requests(), r.durationMicros(), r.p50Micros(), r.p99Micros(),
                        r.maxMicros(), r.non2xx(), r.socketErrors(), r.selects(), r.inserts(), r.updates(), r.deletes(),
                        r.merges(), r.others(), r.commits(), r.counterBefore(), r.counterAfter(), r.serverCpuMillis(),
                        r.databaseCpuMillis()}) {
                    csv.append(',').append(n);
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    String scaleCsv() {
        StringBuilder csv = new StringBuilder("database,stored_sessions,rounds,throughput_rps_median,throughput_rps_min,"
                + "throughput_rps_max,p50_ms,p99_ms,cpu_ms_per_req,fill_seconds\n");
        for (ScalePoint p : scale) {
            csv.append(String.join(",", p.database(), Long.toString(p.sessions()), Integer.toString(p.rounds().size()),
                    fmt("%.1f", p.throughput()), fmt("%.1f", p.minThroughput()), fmt("%.1f", p.maxThroughput()),
                    fmt("%.2f", p.p50Micros() / 1000.0), fmt("%.2f", p.p99Micros() / 1000.0),
                    fmt("%.3f", p.cpuPerRequest()), Long.toString(p.fillSeconds()))).append('\n');
        }
        return csv.toString();
    }

    String phasesCsv() {
        StringBuilder csv = new StringBuilder("server,database,workload,variant,phase,samples,share,us_per_request\n");
        for (PhaseCount p : phases) {
            if (p.phase().startsWith("(")) {
                continue;
            }
            csv.append(String.join(",", p.server(), p.database(), p.workload(), p.variant(), p.phase(),
                    Long.toString(p.samples()), fmt("%.4f", share(p)),
                    phaseCost(p).map(us -> fmt("%.1f", us)).orElse(""))).append('\n');
        }
        return csv.toString();
    }

    // ---- lookups

    Optional<Cell> cell(String server, String variant, String workload, String database) {
        return cells.stream().filter(c -> c.server().equals(server) && c.variant().equals(variant)
                && c.workload().equals(workload) && c.database().equals(database)).findFirst();
    }

    List<String> databases(String server) {
        return cells.stream().filter(c -> c.server().equals(server)).map(Cell::database).distinct().sorted().toList();
    }

    /** The variant's median throughput over the baseline's, in the same run. */
    Optional<Double> ratio(String server, String variant, String baseline, String workload, String db) {
        Optional<Cell> a = cell(server, variant, workload, db);
        Optional<Cell> b = cell(server, baseline, workload, db);
        if (a.isEmpty() || b.isEmpty() || b.get().throughput() == 0) {
            return Optional.empty();
        }
        return Optional.of(a.get().throughput() / b.get().throughput());
    }

    long phaseSamples(String server, String db, String workload, String phase) {
        return phases.stream().filter(p -> p.server().equals(server) && p.database().equals(db)
                && p.workload().equals(workload) && p.phase().equals(phase)).mapToLong(PhaseCount::samples).sum();
    }

    double share(PhaseCount p) {
        long all = phaseSamples(p.server(), p.database(), p.workload(), ALL);
        return all == 0 ? 0 : (double) p.samples() / all;
    }

    /** Microseconds per request of a phase: its share of the request threads' samples x the JVM's CPU per request. */
    Optional<Double> phaseCost(PhaseCount p) {
        return cell(p.server(), p.variant(), p.workload(), p.database()).map(c -> share(p) * c.serverCpu() * 1000);
    }

    static String dbName(String server, String db) {
        return server.equals("payara") && db.equals("h2") ? "H2 (Payara's default data source)"
                : DATABASES.getOrDefault(db, db);
    }

    // ---- Markdown

    String markdown() {
        StringBuilder md = new StringBuilder();
        boolean isVoid = machine.getOrDefault("void", "no").equals("yes");
        md.append("# Tether benchmarks: results").append(isVoid ? " (VOID RUN: the machine was not quiet)" : "")
                .append("\n\n");
        md.append("Generated by `bench/run.sh` (run from the repository root; it builds everything it needs). ")
                .append("Numbers are from one run; rerun to reproduce. Raw data: [results.csv](results.csv) (one ")
                .append("line per cell), [rounds.csv](rounds.csv) (one line per round), [scale.csv](scale.csv), ")
                .append("[phases.csv](phases.csv).\n\n");
        machineSection(md, isVoid);
        checksSection(md);
        targetsSection(md);
        httpSection(md);
        phasesSection(md);
        scaleSection(md);
        jmhSection(md);
        findingsSection(md);
        methodSection(md);
        return md.toString();
    }

    private void machineSection(StringBuilder md, boolean isVoid) {
        md.append("## The run\n\n");
        md.append("| | |\n| --- | --- |\n");
        row(md, "command", "`bench/run.sh`" + settingsChanged());
        row(md, "date", machine.getOrDefault("date", "?"));
        String dirty = machine.getOrDefault("dirty", "");
        row(md, "commit measured", "`" + machine.getOrDefault("commit", "?") + "`"
                + (dirty.isBlank() ? "" : " **dirty** (changed: " + dirty + ")"));
        row(md, "machine", machine.getOrDefault("cpu", "?") + ", " + machine.getOrDefault("cores", "?")
                + " cores, " + machine.getOrDefault("memory", "?"));
        row(md, "system", machine.getOrDefault("os", "?"));
        row(md, "software", machine.getOrDefault("java", "?") + "; WildFly 39.0.1.Final (Hibernate 6.6); "
                + "Payara Micro 6.2025.10 (EclipseLink); H2 2.2.224; " + machine.getOrDefault("postgresql", "?")
                + "; Spring Session JDBC 3.5.7; " + machine.getOrDefault("wrk", "wrk"));
        row(md, "load", machine.getOrDefault("connections", "8") + " connections (wrk, one thread each), "
                + machine.getOrDefault("prewarm", "?") + " s of reads and of increments per variant once per server, "
                + machine.getOrDefault("warmup", "?") + " s warm-up per variant and workload, then "
                + machine.getOrDefault("rounds", "?") + " rounds of " + machine.getOrDefault("seconds", "?")
                + " s per cell; each round runs every variant in turn; 127.0.0.1 only");
        row(md, "settings (environment)", settingsLine());
        row(md, "load average (1, 5, 15 min)", "at start: " + machine.getOrDefault("load_before", "?")
                + "; when the first server started (after the build): " + machine.getOrDefault("load_measured_from", "?")
                + "; at the end: " + machine.getOrDefault("load_after", "?") + " (the run's own load)");
        row(md, "other Java processes at start", machine.getOrDefault("other_java", "?"));
        row(md, "duration", machine.getOrDefault("total_seconds", "?") + " s");
        md.append('\n');
        if (isVoid) {
            md.append("**VOID**: the 1-minute load average was ").append(firstWord(machine.get("load_before")))
                    .append(" at the start, above ").append(machine.getOrDefault("max_load", "1.0"))
                    .append(", and the run was forced with `BENCH_ALLOW_LOAD=1`. Other work shared the cores: ")
                    .append("the numbers below are not a measurement of Tether; rerun on a quiet machine.\n\n");
        } else {
            md.append("The machine was quiet at the start (1-minute load average ")
                    .append(firstWord(machine.get("load_before"))).append(", at most ")
                    .append(machine.getOrDefault("max_load", "1.0")).append("). Variants ran interleaved, round by ")
                    .append("round: compare them within this run; the spread (min-max of the rounds) says how ")
                    .append("steady a cell was.\n\n");
        }
    }

    /** Every setting of run.sh in effect, as BENCH_* assignments. */
    private String settingsLine() {
        String[][] settings = {{"BENCH_SECONDS", "seconds"}, {"BENCH_ROUNDS", "rounds"}, {"BENCH_WARMUP", "warmup"},
                {"BENCH_PREWARM", "prewarm"}, {"BENCH_CONNECTIONS", "connections"}, {"BENCH_SPREAD", "spread"},
                {"BENCH_DATABASES", "databases"}, {"BENCH_VARIANTS", "variants"}, {"BENCH_WORKLOADS", "workloads"},
                {"BENCH_SCALE", "scale"}, {"BENCH_PURGE", "purge"}, {"BENCH_PAYARA", "payara"},
                {"BENCH_PROFILE", "profile"}, {"BENCH_JMH", "jmh"}, {"BENCH_BUILD", "build"},
                {"BENCH_MAX_LOAD", "max_load"}, {"BENCH_ALLOW_LOAD", "allow_load"}, {"BENCH_SETTLE", "settle"}};
        List<String> parts = new ArrayList<>();
        for (String[] s : settings) {
            parts.add("`" + s[0] + "=" + machine.getOrDefault(s[1], "?") + "`");
        }
        return String.join(" ", parts) + "; ports: " + machine.getOrDefault("ports", "?");
    }

    /** A note when the run did not use run.sh's defaults (then it is not the suite the targets are stated on). */
    private String settingsChanged() {
        Map<String, String> defaults = Map.ofEntries(Map.entry("seconds", "3"), Map.entry("rounds", "3"),
                Map.entry("warmup", "2"), Map.entry("prewarm", "4"), Map.entry("connections", "8"), Map.entry("spread", "1000"),
                Map.entry("databases", "h2 postgresql"), Map.entry("scale", "1000 100000 1000000"),
                Map.entry("purge", "20000"), Map.entry("payara", "1"), Map.entry("profile", "1"), Map.entry("jmh", "1"),
                Map.entry("variants", String.join(" ", VARIANTS)), Map.entry("workloads", String.join(" ", WORKLOADS)));
        List<String> changed = defaults.entrySet().stream()
                .filter(e -> !e.getValue().equals(machine.getOrDefault(e.getKey(), e.getValue())))
                .map(Map.Entry::getKey).sorted().toList();
        return changed.isEmpty() ? " (defaults)" : " (**not the defaults**: " + String.join(", ", changed) + ")";
    }

    private static String firstWord(String text) {
        return text == null ? "?" : text.split(" ")[0];
    }

    // ---- checks: what in the raw data says a cell did not measure what it should

    /** Workloads whose requests all carry a session made before the run. */
    static final List<String> ON_STORED_SESSIONS = List.of("no-touch", "read-only", "read-modify-write", "same-session-8",
            "read-only-1000", "read-modify-write-1000");
    /** Slowest round against fastest below this: the cell was not steady. */
    static final double STEADY = 0.75;

    private void checksSection(StringBuilder md) {
        List<String> problems = new ArrayList<>();
        for (Cell c : cells) {
            String name = c.server() + " / " + c.database() + " / " + c.workload() + " / " + c.variant();
            // a session store that inserts on a workload of stored sessions did not find them: each request made one
            if (ON_STORED_SESSIONS.contains(c.workload()) && c.perRequest(c.sum(Round::inserts)) > 0.05) {
                problems.add(name + ": " + fmt("%.2f", c.perRequest(c.sum(Round::inserts)))
                        + " INSERT per request on stored sessions, which were not found (new sessions were measured)");
            }
            if (c.sum(Round::socketErrors) > 0) {
                problems.add(name + ": " + c.sum(Round::socketErrors) + " socket errors or timeouts");
            }
            boolean conflictsExpected = c.workload().equals("same-session-8") && TETHERS.contains(c.variant());
            if (c.non2xx() > 0 && !conflictsExpected) {
                problems.add(name + ": " + c.non2xx() + " responses not 2xx");
            }
            if (c.rounds().size() > 1 && c.minThroughput() < STEADY * c.maxThroughput()) {
                problems.add(name + ": rounds from " + fmt("%.0f", c.minThroughput()) + " to "
                        + fmt("%.0f", c.maxThroughput()) + " req/s (not steady)");
            }
        }
        // checks.csv: server, database, workload, variant, sessions found, sessions checked (run.sh's check_sessions)
        for (String[] check : sessionChecks) {
            if (!check[4].equals(check[5])) {
                problems.add(String.join(" / ", check[0], check[1], check[2], check[3]) + ": " + check[4] + " of "
                        + check[5] + " sessions of the cookie file found before the rounds (the cell measured other work)");
            }
        }
        for (List<String> run : phases.stream().map(p -> List.of(p.server(), p.database(), p.workload())).distinct()
                .toList()) {
            long all = phaseSamples(run.get(0), run.get(1), run.get(2), ALL);
            long truncated = phaseSamples(run.get(0), run.get(1), run.get(2), TRUNCATED);
            if (truncated > 0.01 * all) {
                problems.add(String.join(" / ", run) + ": " + truncated + " of " + all
                        + " JFR stacks cut short (raise stackdepth in run.sh)");
            }
        }
        md.append("## Checks\n\n");
        if (problems.isEmpty()) {
            md.append("Every cell ran on the sessions it was meant to, without socket errors, unexpected non-2xx ")
                    .append("responses or a round slower than ").append(fmt("%.0f%%", 100 * STEADY))
                    .append(" of the cell's fastest.\n\n");
        } else {
            md.append("From the raw data of this run:\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
            md.append('\n');
        }
    }

    // ---- targets of issue 23: Tether against the floor

    /** The workloads the floor targets cover: reads, changes and new sessions, on one and on 1,000 sessions. */
    static final List<String> FLOOR_WORKLOADS = List.of("read-only", "read-only-1000", "read-modify-write",
            "read-modify-write-1000", "new-session");
    static final String FLOOR = "floor";

    private void targetsSection(StringBuilder md) {
        md.append("## Where Tether stands against the targets of issue 23\n\n");
        md.append("From this run, on WildFly; ratios are of the medians of the rounds (throughput: 2xx responses ")
                .append("per second). The floor is the hand-written minimal JDBC store (`bench/app/.../FloorResource`) ")
                .append("on the same data source. `-1000`: each request takes the next of ")
                .append(count(Long.parseLong(machine.getOrDefault("spread", "1000"))))
                .append(" sessions made before the run.\n\n");
        md.append("| target | database | measured | met? |\n| --- | --- | --- | --- |\n");
        for (String workload : FLOOR_WORKLOADS) {
            throughputTarget(md, "tether", "Tether / floor, " + workload, workload, FLOOR,
                    Map.of("postgresql", 0.8, "h2", 0.8));
        }
        throughputTarget(md, "tether", "Tether / Spring Session JDBC, read-only-1000", "read-only-1000", SPRING,
                Map.of("postgresql", 2.0, "h2", 1.5));
        for (String workload : List.of("read-modify-write-1000", "new-session")) {
            throughputTarget(md, "tether", "Tether / Spring Session JDBC, " + workload, workload, SPRING,
                    Map.of("postgresql", 1.2, "h2", 1.2));
        }
        if (cells.stream().anyMatch(c -> c.variant().equals("tether-jdbc"))) {
            for (String workload : FLOOR_WORKLOADS) {
                throughputTarget(md, "tether", "JPA store (default) / JDBC store, " + workload, workload,
                        "tether-jdbc", Map.of("postgresql", 0.9, "h2", 0.9));
            }
        }
        cpuTarget(md, "tether", "");
        for (String tether : TETHERS) {
            if (cells.stream().anyMatch(c -> c.variant().equals(tether))) {
                sqlTarget(md, tether, tether.equals("tether") ? "" : " [" + tether + "]");
            }
        }
        scaleTarget(md);
        md.append('\n');
    }

    private void throughputTarget(StringBuilder md, String tether, String target, String workload, String baseline,
                                  Map<String, Double> minimum) {
        for (String db : List.of("h2", "postgresql")) {
            Optional<Double> r = ratio("wildfly", tether, baseline, workload, db);
            String measured = r.map(x -> fmt("%.2f (%.0f / %.0f req/s)", x,
                    cell("wildfly", tether, workload, db).get().throughput(),
                    cell("wildfly", baseline, workload, db).get().throughput())).orElse("not measured");
            targetRow(md, target + " >= " + fmt("%.2f", minimum.get(db)), db, measured,
                    r.map(x -> x >= minimum.get(db)));
        }
    }

    /** Server CPU: the application server's JVM (H2 runs inside it); PostgreSQL's own CPU is shown beside. */
    private void cpuTarget(StringBuilder md, String tether, String store) {
        for (String db : List.of("h2", "postgresql")) {
            List<String> measured = new ArrayList<>();
            List<String> above = new ArrayList<>();
            for (String workload : FLOOR_WORKLOADS) {
                Optional<Cell> t = cell("wildfly", tether, workload, db);
                Optional<Cell> f = cell("wildfly", FLOOR, workload, db);
                if (t.isPresent() && f.isPresent()) {
                    measured.add(workload + " " + fmt("%.3f / %.3f", t.get().serverCpu(), f.get().serverCpu()));
                    if (t.get().serverCpu() > f.get().serverCpu() + 0.1) {
                        above.add(workload);
                    }
                }
            }
            targetRow(md, "server CPU per request, every workload: Tether at most the floor's + 0.1 ms "
                    + "(ms/req, Tether / floor)" + store, db, measured.isEmpty() ? "not measured" : String.join("; ", measured),
                    measured.isEmpty() ? Optional.empty() : Optional.of(above.isEmpty()),
                    above.isEmpty() ? "" : ": above on " + String.join(", ", above));
        }
    }

    private void sqlTarget(StringBuilder md, String tether, String store) {
        for (String db : List.of("h2", "postgresql")) {
            Optional<Cell> c = cell("wildfly", tether, "read-modify-write-1000", db);
            Optional<Boolean> met = c.map(x -> near(x.perRequest(x.sum(Round::selects)), 1)
                    && near(x.perRequest(x.sum(Round::updates)), 1) && near(x.perRequest(x.sum(Round::commits)), 1)
                    && near(x.perRequest(x.statements()), 2));
            targetRow(md, "SQL per read-modify-write when no touch is due: 1 SELECT + 1 UPDATE, one transaction "
                    + "(read-modify-write-1000)" + store, db, c.map(Report::sqlMix).orElse("not measured"), met);
        }
    }

    private void scaleTarget(StringBuilder md) {
        for (String db : List.of("h2", "postgresql")) {
            List<ScalePoint> points = scale.stream().filter(p -> p.database().equals(db))
                    .sorted(Comparator.comparingLong(ScalePoint::sessions)).toList();
            Optional<ScalePoint> first = points.stream().filter(p -> p.sessions() == 1000).findFirst();
            Optional<ScalePoint> last = points.stream().filter(p -> p.sessions() == 1_000_000).findFirst();
            Optional<Double> r = first.isPresent() && last.isPresent()
                    ? Optional.of(last.get().p50Micros() / first.get().p50Micros()) : Optional.empty();
            targetRow(md, "p50 at 1,000,000 stored sessions / p50 at 1,000 <= 1.2 (read-modify-write, 1,000 "
                    + "sessions under load)", db, r.map(x -> fmt("%.2f (%.2f / %.2f ms)", x,
                    last.get().p50Micros() / 1000, first.get().p50Micros() / 1000)).orElse("not measured"),
                    r.map(x -> x <= 1.2));
        }
    }

    private static void targetRow(StringBuilder md, String target, String db, String measured, Optional<Boolean> met) {
        targetRow(md, target, db, measured, met, "");
    }

    private static void targetRow(StringBuilder md, String target, String db, String measured, Optional<Boolean> met,
                                  String why) {
        md.append("| ").append(target).append(" | ").append(DATABASES.getOrDefault(db, db)).append(" | ")
                .append(measured).append(" | ").append(met.map(m -> m ? "yes" : "**no**" + why).orElse("-"))
                .append(" |\n");
    }

    static boolean near(double value, double expected) {
        return Math.abs(value - expected) < 0.05;
    }

    /** Statements per request by kind, and commits (write transactions). */
    static String sqlMix(Cell c) {
        if (c.perRequest(c.statements()) < 0.005 && c.perRequest(c.sum(Round::commits)) < 0.005) {
            return c.statements() == 0 ? "0" : "0.00";
        }
        List<String> parts = new ArrayList<>();
        addPart(parts, c, c.sum(Round::selects), "SELECT");
        addPart(parts, c, c.sum(Round::inserts), "INSERT");
        addPart(parts, c, c.sum(Round::updates), "UPDATE");
        addPart(parts, c, c.sum(Round::deletes), "DELETE");
        addPart(parts, c, c.sum(r -> r.merges() + r.others()), "other");
        return fmt("%.2f", c.perRequest(c.statements())) + " (" + String.join(" + ", parts) + "; "
                + fmt("%.2f", c.perRequest(c.sum(Round::commits))) + " commits)";
    }

    private static void addPart(List<String> parts, Cell c, long count, String kind) {
        if (c.perRequest(count) >= 0.005) {
            parts.add(fmt("%.2f", c.perRequest(count)) + " " + kind);
        }
    }

    // ---- HTTP

    private void httpSection(StringBuilder md) {
        md.append("## HTTP: four variants of one resource\n\n");
        md.append("Per cell, **req/s** is the median of the rounds (2xx responses per second) and **spread** the ")
                .append("slowest and fastest round; latency is the median of the rounds' percentiles, over all ")
                .append("responses; **CPU ms/req** is the CPU time the server's JVM (with H2 inside it) and, beside ")
                .append("it, the PostgreSQL processes used per request over all rounds (lower is better; other ")
                .append("processes on the machine change it less than throughput). SQL is statements per request at ")
                .append("the JDBC level, with commits (write transactions) beside. `x floor`, `x in-memory` and `x Spring` ")
                .append("are the variant's median throughput over theirs.\n\n");
        for (String server : SERVERS) {
            for (String db : databases(server)) {
                md.append("### ").append(SERVER_NAMES.get(server)).append(", ").append(dbName(server, db)).append("\n\n");
                httpTable(md, server, db);
            }
        }
    }

    private void httpTable(StringBuilder md, String server, String db) {
        md.append("| workload | variant | req/s | spread | p50 ms | p99 ms | CPU ms/req: server + database | ")
                .append("SQL per request | non-2xx | x floor | x in-memory | x Spring |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
        boolean uncounted = false;
        for (Cell c : cells) {
            if (!c.server().equals(server) || !c.database().equals(db)) {
                continue;
            }
            // a session variant that touched its state and ran no SQL was not counted (see the note below)
            boolean notCounted = TETHERS.contains(c.variant()) && !c.workload().equals("no-touch") && c.statements() == 0;
            uncounted |= notCounted;
            md.append("| ").append(c.workload()).append(" | ")
                    .append(TETHERS.contains(c.variant()) ? "**" + c.variant() + "**" : c.variant()).append(" | ")
                    .append(fmt("%.0f", c.throughput())).append(" | ")
                    .append(fmt("%.0f-%.0f", c.minThroughput(), c.maxThroughput())).append(" | ")
                    .append(fmt("%.2f", c.p50())).append(" | ").append(fmt("%.2f", c.p99())).append(" | ")
                    .append(fmt("%.3f", c.serverCpu()))
                    .append(db.equals("h2") ? "" : fmt(" + %.3f", c.databaseCpu())).append(" | ")
                    .append(notCounted ? "not counted" : sqlMix(c)).append(" | ")
                    .append(c.requests() == 0 ? "-" : fmt("%.1f%%", 100.0 * c.non2xx() / c.requests())).append(" | ")
                    .append(ratio(server, c.variant(), FLOOR, c.workload(), db).map(r -> fmt("%.2f", r)).orElse("-"))
                    .append(" | ")
                    .append(ratio(server, c.variant(), "in-memory", c.workload(), db).map(r -> fmt("%.2f", r)).orElse("-"))
                    .append(" | ")
                    .append(ratio(server, c.variant(), SPRING, c.workload(), db).map(r -> fmt("%.2f", r)).orElse("-"))
                    .append(" |\n");
        }
        md.append('\n');
        if (uncounted) {
            md.append("*not counted*: Tether's statements did not go through the counting data source. On Payara ")
                    .append("the application's `@SessionStorage` producer is not visible to Tether's jar, so Tether ")
                    .append("falls back to the server's default data source (the same H2 database, uncounted).\n\n");
        }
        List<String> lost = new ArrayList<>();
        for (Cell c : cells) {
            if (c.server().equals(server) && c.database().equals(db)) {
                c.lostUpdates().ifPresent(l -> lost.add(c.variant() + ": " + l + " of " + c.ok()
                        + " increments answered 2xx were lost"
                        + (c.non2xx() > 0 ? ", " + c.non2xx() + " answered 409 Conflict" : "")));
            }
        }
        if (!lost.isEmpty()) {
            md.append("Same session, ").append(machine.getOrDefault("connections", "8")).append(" clients at once: ")
                    .append(String.join("; ", lost)).append(".\n\n");
        }
    }

    // ---- phases

    private void phasesSection(StringBuilder md) {
        md.append("## Where a Tether request's time goes, by phase\n\n");
        List<List<String>> runs = phases.stream().map(p -> List.of(p.server(), p.database())).distinct()
                .sorted(Comparator.comparing((List<String> run) -> SERVERS.indexOf(run.get(0)))
                        .thenComparing(run -> run.get(1)))
                .toList();
        if (runs.isEmpty()) {
            md.append("Not run (`BENCH_PROFILE=0`).\n\n");
            return;
        }
        md.append("JFR execution samples (every 10 ms, stacks up to 256 frames) of the server's request threads ")
                .append("during the measured rounds of the `tether` variant, each given to the phase of the ")
                .append("innermost frame that `bench/tools/phases.txt` names (unnamed frames, such as Hibernate's ")
                .append("or the driver's, count for the Tether frame that called them). Per phase: the share of the ")
                .append("samples, and that share of the JVM's CPU per request in µs (an estimate: it spreads the ")
                .append("JVM's other threads, such as GC and JIT, over the phases alike). The recording runs ")
                .append("through every variant's rounds, so all pay its small cost alike.\n\n");
        for (List<String> run : runs) {
            phaseTable(md, run.get(0), run.get(1));
        }
    }

    private void phaseTable(StringBuilder md, String server, String db) {
        List<String> workloads = WORKLOADS.stream()
                .filter(w -> phaseSamples(server, db, w, ALL) > 0).toList();
        md.append("### ").append(SERVER_NAMES.get(server)).append(", ").append(dbName(server, db)).append("\n\n");
        md.append("| phase |");
        workloads.forEach(w -> md.append(' ').append(w).append(" |"));
        md.append("\n| --- |");
        workloads.forEach(w -> md.append(" ---: |"));
        md.append('\n');
        for (Map.Entry<String, String> phase : phaseLabels.entrySet()) {
            md.append("| ").append(phase.getValue()).append(" |");
            for (String w : workloads) {
                PhaseCount p = new PhaseCount(server, db, w, "tether", phase.getKey(),
                        phaseSamples(server, db, w, phase.getKey()));
                md.append(' ').append(fmt("%.1f%%", 100 * share(p)))
                        .append(phaseCost(p).map(us -> fmt(" · %.0f µs", us)).orElse("")).append(" |");
            }
            md.append('\n');
        }
        md.append("| **samples** (request threads) |");
        workloads.forEach(w -> md.append(' ').append(phaseSamples(server, db, w, ALL)).append(" |"));
        md.append("\n| **server CPU per request** |");
        workloads.forEach(w -> md.append(' ').append(cell(server, "tether", w, db)
                .map(c -> fmt("%.0f µs", c.serverCpu() * 1000)).orElse("-")).append(" |"));
        md.append("\n| **the floor's server CPU per request** (the least the same SQL costs) |");
        workloads.forEach(w -> md.append(' ').append(cell(server, FLOOR, w, db)
                .map(c -> fmt("%.0f µs", c.serverCpu() * 1000)).orElse("-")).append(" |"));
        md.append("\n| **Tether above the floor** |");
        workloads.forEach(w -> md.append(' ').append(cell(server, "tether", w, db).flatMap(t -> cell(server, FLOOR, w, db)
                .map(f -> fmt("%+.0f µs", (t.serverCpu() - f.serverCpu()) * 1000))).orElse("-")).append(" |"));
        md.append("\n| stacks cut short by JFR |");
        workloads.forEach(w -> md.append(' ').append(fmt("%.1f%%", 100.0 * phaseSamples(server, db, w, TRUNCATED)
                / Math.max(1, phaseSamples(server, db, w, ALL)))).append(" |"));
        md.append("\n\n");
    }

    // ---- scale

    private void scaleSection(StringBuilder md) {
        md.append("## Scale: Tether's read-modify-write over 1,000 sessions with more stored sessions\n\n");
        if (scale.isEmpty()) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("On WildFly. The table is emptied, ").append(count(Long.parseLong(machine.getOrDefault("spread", "1000"))))
                .append(" sessions are made through HTTP, then filler sessions (a session row and one bean row each, ")
                .append("copied from a real one) are inserted with SQL up to each size; the load runs on the sessions ")
                .append("made through HTTP, each request taking the next (median of ")
                .append(machine.getOrDefault("rounds", "?")).append(" rounds).\n\n");
        md.append("![p50 and p99 latency against stored sessions](latency-vs-sessions.svg)\n\n");
        md.append("| database | stored sessions | req/s | spread | p50 ms | p99 ms | CPU ms/req | fill time |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ScalePoint p : scale) {
            md.append("| ").append(DATABASES.getOrDefault(p.database(), p.database())).append(" | ")
                    .append(count(p.sessions())).append(" | ").append(fmt("%.0f", p.throughput())).append(" | ")
                    .append(fmt("%.0f-%.0f", p.minThroughput(), p.maxThroughput())).append(" | ")
                    .append(fmt("%.2f", p.p50Micros() / 1000.0)).append(" | ").append(fmt("%.2f", p.p99Micros() / 1000.0))
                    .append(" | ").append(fmt("%.2f", p.cpuPerRequest())).append(" | ").append(p.fillSeconds())
                    .append(" s |\n");
        }
        md.append('\n');
        purgeSection(md);
    }

    /** purge.csv: database, expired sessions added, sessions purged, batches, milliseconds, sessions left. */
    private void purgeSection(StringBuilder md) {
        md.append("### Purge rate\n\n");
        if (purges.isEmpty()) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("Expired sessions (a session row and a bean row each) added beside the live ones, then one ")
                .append("`PersistentSessions.purgeExpired()` with the default batch of 500 sessions per transaction, ")
                .append("no load meanwhile.\n\n");
        md.append("| database | live sessions | expired sessions purged | batches | time | sessions per second |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String[] p : purges) {
            long purged = Long.parseLong(p[2]);
            long millis = Long.parseLong(p[4]);
            long left = Long.parseLong(p[5]);
            md.append("| ").append(DATABASES.getOrDefault(p[0], p[0])).append(" | ").append(count(left)).append(" | ")
                    .append(count(purged)).append(" | ").append(p[3]).append(" | ").append(fmt("%.1f s", millis / 1000.0))
                    .append(" | ").append(millis == 0 ? "-" : count(Math.round(purged * 1000.0 / millis))).append(" |\n");
        }
        md.append("\n");
    }

    // ---- JMH

    private void jmhSection(StringBuilder md) {
        md.append("## JMH: in-process costs (Weld SE, Hibernate, in-memory H2)\n\n");
        if (jmh.isEmpty()) {
            md.append("Not run.\n\n");
            return;
        }
        List<Jmh> calls = List.of("LoadedBeanCall.persistentSessionScoped", "LoadedBeanCall.requestScoped").stream()
                .map(name -> jmh(name, "")).flatMap(Optional::stream).toList();
        if (!calls.isEmpty()) {
            md.append("| benchmark | score | unit |\n| --- | ---: | --- |\n");
            calls.forEach(j -> md.append("| ").append(j.benchmark()).append(" | ").append(score(j)).append(" | ")
                    .append(j.unit()).append(" |\n"));
            md.append('\n');
        }
        md.append("Bean size (a list of small notes, Java serialization; a unit is one request's open, use, close ")
                .append("on in-memory H2). The dirty check at write-back encodes the bean and compares the bytes; ")
                .append("comparing against the bean's encoding as loaded, rather than the stored bytes, adds one ")
                .append("encode of each restored bean at load:\n\n");
        md.append("| serialized size | dirty check at write-back (encode + compare) | extra at load (encode of the ")
                .append("restored bean) | decode | read-only unit | read-modify-write unit |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String bytes : List.of("1024", "10240", "102400")) {
            md.append("| ").append(Integer.parseInt(bytes) / 1024).append(" KB");
            for (String name : List.of("BeanSize.dirtyCheck", "BeanSize.encodeRestored", "BeanSize.decode",
                    "BeanSize.readOnlyUnit", "BeanSize.readModifyWriteUnit")) {
                md.append(" | ").append(jmh(name, bytes).map(j -> score(j) + " " + j.unit()).orElse("-"));
            }
            md.append(" |\n");
        }
        md.append("\n");
        md.append("One statement of the store, through each binding and by hand on the same pool with the same text ")
                .append("(`StoreStatements`): the database's work is the same in all, the rest is the binding's. The JPA binding runs ")
                .append("each statement on the connection the provider lends; its former way, each statement the ")
                .append("provider's native query, is measured beside it:\n\n");
        md.append("| statement | JPA binding (default) | JPA, native queries (before) | JDBC binding | by hand |\n")
                .append("| --- | ---: | ---: | ---: | ---: |\n");
        for (String statement : List.of("load", "touch")) {
            md.append("| ").append(statement.equals("load") ? "a session's load (1 SELECT)" : "a touch (1 UPDATE, commit)");
            for (String way : List.of("ThroughJpa", "ThroughNativeQueries", "ThroughJdbc", "ByHand")) {
                md.append(" | ").append(jmh("StoreStatements." + statement + way, "").map(j -> score(j) + " " + j.unit())
                        .orElse("-"));
            }
            md.append(" |\n");
        }
        md.append("\n");
        md.append("One request's unit of work without HTTP (`RequestPath`: open, use the bean, write back, as the ")
                .append("filters run it), on in-memory H2 through the default store and on a store with no database ")
                .append("(`NoDatabaseStore`: what is left is Tether's own path: the scope's lookup, the unit, the ID's ")
                .append("hash, decode, the dirty check, the write plan, events, metrics), beside the floor's work by ")
                .append("hand on the same kind of database (`FloorPath`):\n\n");
        md.append("| workload | floor, by hand | Tether on H2 | Tether, no database | time, Tether on H2 / floor |\n")
                .append("| --- | ---: | ---: | ---: | ---: |\n");
        for (String workload : List.of("read", "readModifyWrite", "newSession")) {
            Optional<Jmh> floor = jmh("FloorPath." + workload, "");
            Optional<Jmh> tether = jmh("RequestPath." + workload, "h2");
            md.append("| ").append(workload.equals("read") ? "read" : workload.equals("newSession") ? "new session"
                    : "read-modify-write");
            md.append(" | ").append(floor.map(j -> score(j) + " " + j.unit()).orElse("-"));
            md.append(" | ").append(tether.map(j -> score(j) + " " + j.unit()).orElse("-"));
            md.append(" | ").append(jmh("RequestPath." + workload, "none").map(j -> score(j) + " " + j.unit())
                    .orElse("-"));
            md.append(" | ").append(floor.isPresent() && tether.isPresent()
                    ? fmt("%.2f", tether.get().score() / floor.get().score()) : "-");
            md.append(" |\n");
        }
        md.append("\n");
    }

    /** The score with its error, which JMH leaves out (NaN) after a single iteration. */
    static String score(Jmh j) {
        return Double.isNaN(j.error()) ? fmt("%.1f", j.score()) : fmt("%.1f ± %.1f", j.score(), j.error());
    }

    Optional<Jmh> jmh(String name, String param) {
        Predicate<Jmh> matches = j -> j.benchmark().equals(name) && j.param().equals(param);
        return jmh.stream().filter(matches).findFirst();
    }

    // ---- findings and method

    private void findingsSection(StringBuilder md) {
        md.append("## What is slow, and why\n\n");
        Path findings = bench.resolve("findings.md");
        if (Files.exists(findings)) {
            md.append(readString(findings).strip()).append("\n\n");
        } else {
            md.append("(bench/findings.md is missing.)\n\n");
        }
    }

    private void methodSection(StringBuilder md) {
        md.append("## How it is measured\n\n");
        md.append("""
                - **Alone on the machine**: `bench/run.sh` refuses to start when the 1-minute load average is above \
                `BENCH_MAX_LOAD` (1.0); `BENCH_ALLOW_LOAD=1` forces it and heads this report VOID. After its own \
                build it waits (at most `BENCH_SETTLE` s) for the load average to fall below the limit again.
                - **One WAR** (`bench/app`) on one WildFly 39.0.1.Final (port offset 800), the Tether jar of this \
                checkout in `WEB-INF/lib`. Five JAX-RS resources, one per variant, each `@ApplicationScoped` (so that none pays RESTEasy's creation and validation of a request-scoped resource on every request while another does not): `/api/in-memory` (CDI \
                `@SessionScoped`, the server's HttpSession), `/api/tether` (`@PersistentSessionScoped`), \
                `/api/floor` (the floor: a hand-written minimal store on the same data source, one row per session, \
                Java serialization, 1 SELECT per read, SELECT + conditional UPDATE in one transaction per change, 1 \
                INSERT per new session), \
                `/api/spring-session-jdbc` (an HttpSession attribute, Spring Session's `SessionRepositoryFilter` on \
                that path only, its `JdbcIndexedSessionRepository` built by hand on the same data source), \
                `/api/none` (`@RequestScoped`). A copy of the WAR with `tether.store=jdbc` in its MicroProfile \
                Config runs beside it on the same server (`/bench-jdbc/api/tether-jdbc`, the variant `tether-jdbc`: \
                the same resource on the plain-JDBC store), in the same rounds. Each keeps a hit counter: `GET no-touch` does not touch it, \
                `GET read` reads it, `POST increment` changes it. Tether's servlet filter runs on every path, as in \
                any application with the jar.
                - **One database** per server run: the data source `java:jboss/datasources/BenchDS` (pool of 20), \
                an H2 file database in the server's JVM, or PostgreSQL on 127.0.0.1 (a throwaway cluster, default \
                settings but `shared_buffers=256MB`; its commits are durable, H2's file store writes in the background).
                - **Payara Micro** 6.2025.10 (EclipseLink) runs the same WAR on its default data source (an H2 file, \
                Payara's own pool), HTTP on 127.0.0.1:8980: Tether and in-memory sessions only, on the two \
                1,000-session workloads.
                - **Workloads**: `no-touch`, `read-only`, `read-modify-write` with one session per connection \
                (8 connections, sessions made before the run); `new-session`: increments without a cookie, so each \
                request makes a session; `same-session-8`: increments from 8 connections on one session; \
                `read-only-1000` and `read-modify-write-1000`: 1,000 sessions per variant made before the run \
                (`BENCH_SPREAD`), connection N of 8 sending sessions N, N + 8, N + 16, ... in turn \
                (`bench/wrk/spread.lua`), so every request takes another session and no two requests share one.
                - **Load**: wrk (Debian's package), one connection per thread, closed loop: latency is service time \
                under that concurrency (not corrected for coordinated omission). Once per server, every variant \
                serves reads and increments on stored sessions (`BENCH_PREWARM`), so that the JIT's first pass does \
                not fall on the first workload. Per workload: each variant warms up, then `BENCH_ROUNDS` rounds each run every variant in turn for `BENCH_SECONDS`; a cell's \
                throughput and percentiles are the medians of its rounds, ratios are of medians. CPU time comes from \
                `/proc` (the server's JVM; PostgreSQL's postmaster and its children), summed over the rounds.
                - **SQL per request**: every JDBC statement and commit through the data source is counted by a \
                wrapper (`StatementCounts`) that both Tether (as its `@SessionStorage` data source) and Spring \
                Session use, read from `/api/stats` before and after each round and divided by the requests.
                - **Phases**: the servers run with JFR recording execution samples only (`bench/tools/phases.jfc`); \
                `bench/tools/Phases.java` classifies the samples of the `tether` rounds by the table in \
                `bench/tools/phases.txt`; `bench/target/run/phases-other.txt` lists the frames left to "other".
                - **Scale**: rows inserted with SQL (`/api/admin/tether/fill`, sequential filler keys), then \
                ANALYZE, then read-modify-write over the 1,000 sessions made through HTTP.
                - **JMH** 1.37 (`bench/jmh`): one fork, 3 warm-up and 3 measured iterations of 1 s each (the two \
                unit benchmarks warm up 4 x 2 s; `StoreStatements`, `RequestPath` and `FloorPath` 5 x 2 s, and the \
                last two measure 3 x 2 s).
                """);
    }

    // ---- helpers

    static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static List<String> nonBlank(Path file) {
        return readLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one line of JMH's CSV (quoted fields, no embedded quotes). */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** The latency-against-stored-sessions chart: log x axis, p50 and p99 per database. */
    static final class Chart {

        private static final int WIDTH = 720;
        private static final int HEIGHT = 420;
        private static final int LEFT = 70;
        private static final int RIGHT = 170;
        private static final int TOP = 40;
        private static final int BOTTOM = 60;
        private static final Map<String, String> COLORS = Map.of("h2", "#1f77b4", "postgresql", "#d62728");

        private final List<ScalePoint> points;

        Chart(List<ScalePoint> points) {
            this.points = points;
        }

        String svg() {
            StringBuilder svg = new StringBuilder();
            svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT));
            svg.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT));
            svg.append(fmt("<text x=\"%d\" y=\"22\" font-size=\"15\">Tether read-modify-write latency against stored sessions</text>\n", LEFT));
            if (points.isEmpty()) {
                return svg.append("<text x=\"70\" y=\"200\">no scale run</text>\n</svg>\n").toString();
            }
            double minX = Math.log10(points.stream().mapToLong(ScalePoint::sessions).min().orElse(1000));
            double maxX = Math.log10(points.stream().mapToLong(ScalePoint::sessions).max().orElse(1_000_000));
            if (maxX == minX) {
                maxX = minX + 1;
            }
            // log scale on both axes: p50 and p99 differ by an order of magnitude
            double minMs = points.stream().mapToDouble(p -> p.p50Micros() / 1000.0).min().orElse(1);
            double maxMs = points.stream().mapToDouble(p -> p.p99Micros() / 1000.0).max().orElse(10);
            double minY = Math.floor(Math.log10(Math.max(minMs, 0.01)));
            double maxY = Math.ceil(Math.log10(Math.max(maxMs, minMs * 10)));
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;
            for (double decade = minY; decade <= maxY; decade++) {
                for (int step : new int[] {1, 2, 5}) {
                    double value = step * Math.pow(10, decade);
                    if (Math.log10(value) > maxY) {
                        break;
                    }
                    int y = yOf(value, minY, maxY, plotH);
                    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>\n", LEFT, y, LEFT + plotW, y));
                    svg.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", LEFT - 6, y + 4, trimNumber(value)));
                }
            }
            for (long sessions : points.stream().map(ScalePoint::sessions).distinct().sorted().toList()) {
                int x = LEFT + (int) Math.round(plotW * (Math.log10(sessions) - minX) / (maxX - minX));
                svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, TOP, x, TOP + plotH));
                svg.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, TOP + plotH + 18, count(sessions)));
            }
            svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>\n", LEFT, TOP, plotW, plotH));
            svg.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">stored sessions (log scale)</text>\n", LEFT + plotW / 2, HEIGHT - 18));
            svg.append(fmt("<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">latency (ms, log scale)</text>\n", TOP + plotH / 2, TOP + plotH / 2));
            int legendY = TOP + 10;
            for (String db : points.stream().map(ScalePoint::database).distinct().toList()) {
                String color = COLORS.getOrDefault(db, "#333");
                for (boolean p99 : List.of(false, true)) {
                    StringBuilder line = new StringBuilder();
                    for (ScalePoint p : points.stream().filter(q -> q.database().equals(db))
                            .sorted((a, b) -> Long.compare(a.sessions(), b.sessions())).toList()) {
                        double ms = (p99 ? p.p99Micros() : p.p50Micros()) / 1000.0;
                        int x = LEFT + (int) Math.round(plotW * (Math.log10(p.sessions()) - minX) / (maxX - minX));
                        int y = yOf(ms, minY, maxY, plotH);
                        line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(y);
                        svg.append(fmt("<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>\n", x, y, color));
                    }
                    svg.append(fmt("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n", line, color,
                            p99 ? " stroke-dasharray=\"6 4\"" : ""));
                    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                            WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 45, legendY, color, p99 ? " stroke-dasharray=\"6 4\"" : ""));
                    svg.append(fmt("<text x=\"%d\" y=\"%d\">%s %s</text>\n", WIDTH - RIGHT + 52, legendY + 4,
                            db.equals("h2") ? "H2" : "PostgreSQL", p99 ? "p99" : "p50"));
                    legendY += 20;
                }
            }
            return svg.append("</svg>\n").toString();
        }

        private static int yOf(double ms, double minY, double maxY, int plotH) {
            double position = (Math.log10(Math.max(ms, Math.pow(10, minY))) - minY) / (maxY - minY);
            return TOP + plotH - (int) Math.round(plotH * position);
        }

        private static String trimNumber(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : fmt("%s", value);
        }
    }
}
