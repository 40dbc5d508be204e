import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes bench/RESULTS.md, bench/results.csv, bench/scale.csv and bench/latency-vs-sessions.svg from the raw
 * files bench/run.sh leaves in its work directory (cells.csv, scale.csv, jmh.csv, machine.txt). Run by
 * run.sh as a single-file program: {@code java Report.java <work dir> <bench dir>}.
 */
public final class Report {

    static final List<String> VARIANTS = List.of("in-memory", "tether", "spring-session-jdbc", "none");
    static final List<String> WORKLOADS = List.of("no-touch", "read-only", "read-modify-write", "new-session",
            "same-session-8");
    static final Map<String, String> DATABASES = Map.of("h2", "H2 (embedded, file)", "postgresql", "PostgreSQL");

    /** One measured variant x workload x database. */
    record Cell(String variant, String workload, String database, long requests, long durationMicros,
                long p50Micros, long p99Micros, long maxMicros, long non2xx, long socketErrors, long selects,
                long inserts, long updates, long deletes, long merges, long others, long commits,
                long counterBefore, long counterAfter, long serverCpuMillis, long databaseCpuMillis) {

        static Cell parse(String line) {
            String[] f = line.split(",");
            long[] n = new long[21];
            for (int i = 3; i < Math.min(f.length, n.length); i++) {
                n[i] = f[i].isEmpty() ? 0 : Long.parseLong(f[i]);
            }
            return new Cell(f[0], f[1], f[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12],
                    n[13], n[14], n[15], n[16], n[17], n[18], n[19], n[20]);
        }

        long ok() {
            return requests - non2xx;
        }

        /** 2xx responses per second: a 409 is not served work. */
        double throughput() {
            return ok() / (durationMicros / 1e6);
        }

        long statements() {
            return selects + inserts + updates + deletes + merges + others;
        }

        double perRequest(long count) {
            return requests == 0 ? 0 : (double) count / requests;
        }

        double p50() {
            return p50Micros / 1000.0;
        }

        /** CPU time of the server and the database per request: what other processes on the machine do not inflate. */
        double cpuPerRequest() {
            return requests == 0 ? 0 : (double) (serverCpuMillis + databaseCpuMillis) / requests;
        }

        double p99() {
            return p99Micros / 1000.0;
        }

        /** Increments the session kept, against increments answered 2xx (same-session-8 only). */
        Optional<Long> lostUpdates() {
            if (!workload.equals("same-session-8") || counterBefore < 0 || counterAfter < 0 || variant.equals("none")) {
                return Optional.empty();
            }
            return Optional.of(Math.max(0, ok() - (counterAfter - counterBefore)));
        }
    }

    /** Tether's read-modify-write with a number of stored sessions. */
    record ScalePoint(String database, long sessions, long fillSeconds, long requests, long durationMicros,
                      long p50Micros, long p99Micros, long non2xx, long cpuMillis) {

        static ScalePoint parse(String line) {
            String[] f = line.split(",");
            long cpu = f.length > 13 ? Long.parseLong(f[12]) + Long.parseLong(f[13]) : 0;
            return new ScalePoint(f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                    Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[10]), cpu);
        }

        double cpuPerRequest() {
            return requests == 0 ? 0 : (double) cpuMillis / requests;
        }

        double throughput() {
            return (requests - non2xx) / (durationMicros / 1e6);
        }
    }

    /** One JMH result. */
    record Jmh(String benchmark, double score, double error, String unit, String bytes) {

        static Optional<Jmh> parse(String line) {
            List<String> f = csv(line);
            if (f.size() < 7 || f.get(0).equals("Benchmark")) {
                return Optional.empty();
            }
            String name = f.get(0).substring(f.get(0).lastIndexOf('.', f.get(0).lastIndexOf('.') - 1) + 1);
            return Optional.of(new Jmh(name, number(f.get(4)), number(f.get(5)), f.get(6),
                    f.size() > 7 ? f.get(7) : ""));
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
    private final List<Cell> cells;
    private final List<ScalePoint> scale;
    private final List<Jmh> jmh;
    private final List<String[]> purges;
    private final Path bench;

    Report(Path work, Path bench) {
        this.bench = bench;
        this.machine = readLines(work.resolve("machine.txt")).stream().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> b, LinkedHashMap::new));
        this.cells = readLines(work.resolve("cells.csv")).stream().filter(l -> !l.isBlank()).map(Cell::parse).toList();
        this.scale = readLines(work.resolve("scale.csv")).stream().filter(l -> !l.isBlank()).map(ScalePoint::parse)
                .toList();
        this.jmh = readLines(work.resolve("jmh.csv")).stream().map(Jmh::parse).flatMap(Optional::stream).toList();
        this.purges = readLines(work.resolve("purge.csv")).stream().filter(l -> !l.isBlank()).map(l -> l.split(","))
                .toList();
    }

    public static void main(String[] args) throws IOException {
        Report report = new Report(Path.of(args[0]), Path.of(args[1]));
        report.write();
    }

    void write() throws IOException {
        Files.writeString(bench.resolve("results.csv"), resultsCsv());
        Files.writeString(bench.resolve("scale.csv"), scaleCsv());
        Files.writeString(bench.resolve("latency-vs-sessions.svg"), new Chart(scale).svg());
        Files.writeString(bench.resolve("RESULTS.md"), markdown());
    }

    // ---- CSV

    String resultsCsv() {
        StringBuilder csv = new StringBuilder("variant,workload,database,throughput_rps,p50_ms,p99_ms,sql_per_request\n");
        for (Cell c : ordered()) {
            csv.append(String.join(",", c.variant(), c.workload(), c.database(), fmt("%.1f", c.throughput()),
                    fmt("%.2f", c.p50()), fmt("%.2f", c.p99()), fmt("%.2f", c.perRequest(c.statements())))).append('\n');
        }
        return csv.toString();
    }

    String scaleCsv() {
        StringBuilder csv = new StringBuilder("variant,workload,database,stored_sessions,throughput_rps,p50_ms,p99_ms,fill_seconds\n");
        for (ScalePoint p : scale) {
            csv.append(String.join(",", "tether", "read-modify-write", p.database(), Long.toString(p.sessions()),
                    fmt("%.1f", p.throughput()), fmt("%.2f", p.p50Micros() / 1000.0), fmt("%.2f", p.p99Micros() / 1000.0),
                    Long.toString(p.fillSeconds()))).append('\n');
        }
        return csv.toString();
    }

    List<Cell> ordered() {
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort((a, b) -> {
            int db = a.database().compareTo(b.database());
            int wl = Integer.compare(WORKLOADS.indexOf(a.workload()), WORKLOADS.indexOf(b.workload()));
            int v = Integer.compare(VARIANTS.indexOf(a.variant()), VARIANTS.indexOf(b.variant()));
            return db != 0 ? db : wl != 0 ? wl : v;
        });
        return sorted;
    }

    Optional<Cell> cell(String variant, String workload, String database) {
        return cells.stream().filter(c -> c.variant().equals(variant) && c.workload().equals(workload)
                && c.database().equals(database)).findFirst();
    }

    List<String> databases() {
        return cells.stream().map(Cell::database).distinct().sorted().toList();
    }

    // ---- Markdown

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Tether benchmarks: results\n\n");
        md.append("Generated by `bench/run.sh` (run from the repository root; it builds everything it needs). ")
                .append("Numbers are from one run; rerun to reproduce. Raw data: [results.csv](results.csv), ")
                .append("[scale.csv](scale.csv).\n\n");
        machineSection(md);
        targetsSection(md);
        httpSection(md);
        scaleSection(md);
        jmhSection(md);
        findingsSection(md);
        methodSection(md);
        return md.toString();
    }

    private void machineSection(StringBuilder md) {
        md.append("## The run\n\n");
        md.append("| | |\n| --- | --- |\n");
        row(md, "command", "`bench/run.sh`");
        row(md, "date", machine.getOrDefault("date", "?"));
        row(md, "machine", machine.getOrDefault("cpu", "?") + ", " + machine.getOrDefault("cores", "?")
                + " cores, " + machine.getOrDefault("memory", "?"));
        row(md, "system", machine.getOrDefault("os", "?"));
        row(md, "software", machine.getOrDefault("java", "?") + "; WildFly 39.0.1.Final; H2 2.2.224; "
                + machine.getOrDefault("postgresql", "?") + "; Spring Session JDBC 3.5.7; " + machine.getOrDefault("wrk", "wrk"));
        row(md, "load", machine.getOrDefault("connections", "8") + " connections (wrk, one thread each), "
                + machine.getOrDefault("warmup", "?") + " s warm-up then " + machine.getOrDefault("seconds", "?")
                + " s measured per cell in " + machine.getOrDefault("rounds", "1")
                + " rounds that alternate the variants, 127.0.0.1 only");
        row(md, "load average (1, 5, 15 min)", "before: " + machine.getOrDefault("load_before", "?") + "; after: "
                + machine.getOrDefault("load_after", "?"));
        row(md, "duration", machine.getOrDefault("total_seconds", "?") + " s");
        md.append("\n**The machine was shared** with other processes (builds and servers of other work) during this run: ")
                .append("absolute numbers are low and noisy. Compare variants within a run (they ran interleaved, ")
                .append("workload by workload), not against other machines. The lead may rerun it on a quiet machine.\n\n");
    }

    // ---- targets

    private void targetsSection(StringBuilder md) {
        md.append("## Where Tether stands against the targets of issue 8\n\n");
        md.append("| target | measured | met? |\n| --- | --- | --- |\n");
        for (String db : databases()) {
            sqlTarget(md, db);
        }
        for (String db : databases()) {
            List<String> below = new ArrayList<>();
            StringBuilder ratios = new StringBuilder();
            for (String workload : WORKLOADS) {
                Optional<Double> ratio = ratio("tether", "spring-session-jdbc", workload, db);
                if (ratio.isPresent()) {
                    ratios.append(workload).append(' ').append(fmt("%.2fx", ratio.get())).append(", ");
                    if (ratio.get() < 1.0) {
                        below.add(workload);
                    }
                }
            }
            md.append("| throughput at least Spring Session JDBC's on every workload (").append(DATABASES.getOrDefault(db, db))
                    .append(") | ").append(trimComma(ratios)).append(" | ")
                    .append(below.isEmpty() ? "yes" : "no: " + String.join(", ", below)).append(" |\n");
        }
        ratio("tether", "in-memory", "read-modify-write", "h2").ifPresent(r -> md.append(
                "| read-modify-write at least 0.5x of in-memory `@SessionScoped` on H2 | ").append(fmt("%.2fx", r))
                .append(" | ").append(r >= 0.5 ? "yes" : "no").append(" |\n"));
        for (String db : scale.stream().map(ScalePoint::database).distinct().toList()) {
            List<ScalePoint> points = scale.stream().filter(p -> p.database().equals(db))
                    .sorted((a, b) -> Long.compare(a.sessions(), b.sessions())).toList();
            if (points.size() >= 2) {
                ScalePoint first = points.get(0);
                ScalePoint last = points.get(points.size() - 1);
                double r = (double) last.p50Micros() / first.p50Micros();
                md.append("| p50 at ").append(count(last.sessions())).append(" stored sessions within 1.2x of p50 at ")
                        .append(count(first.sessions())).append(" (").append(DATABASES.getOrDefault(db, db)).append(") | ")
                        .append(fmt("%.2f ms vs %.2f ms: %.2fx", last.p50Micros() / 1000.0, first.p50Micros() / 1000.0, r))
                        .append(" | ").append(r <= 1.2 ? "yes" : "no").append(" |\n");
            }
        }
        Optional<Jmh> persistent = jmh("LoadedBeanCall.persistentSessionScoped", "");
        Optional<Jmh> request = jmh("LoadedBeanCall.requestScoped", "");
        if (persistent.isPresent() && request.isPresent()) {
            double r = persistent.get().score() / request.get().score();
            md.append("| a call on a loaded bean within 1.5x of the `@RequestScoped` call | ")
                    .append(fmt("%.0f ns vs %.0f ns: %.2fx", persistent.get().score(), request.get().score(), r))
                    .append(" | ").append(r <= 1.5 ? "yes" : "no").append(" |\n");
        }
        md.append("\n");
    }

    private void sqlTarget(StringBuilder md, String db) {
        String name = DATABASES.getOrDefault(db, db);
        cell("tether", "no-touch", db).ifPresent(c -> md.append("| SQL per request, no-touch: 0 (").append(name)
                .append(") | ").append(sqlMix(c)).append(" | ").append(c.perRequest(c.statements()) < 0.005 ? "yes" : "no")
                .append(" |\n"));
        cell("tether", "read-only", db).ifPresent(c -> {
            boolean met = Math.abs(c.perRequest(c.selects()) - 1) < 0.05 && c.perRequest(c.statements() - c.selects()) < 0.05;
            md.append("| SQL per request, read-only: 1 (plus a throttled touch) (").append(name).append(") | ")
                    .append(sqlMix(c)).append(" | ").append(met ? "yes" : "no").append(" |\n");
        });
        cell("tether", "read-modify-write", db).ifPresent(c -> {
            boolean met = Math.abs(c.perRequest(c.selects()) - 1) < 0.05 && Math.abs(c.perRequest(c.commits()) - 1) < 0.05;
            md.append("| SQL per request, read-modify-write: 1 read + 1 write transaction (").append(name).append(") | ")
                    .append(sqlMix(c)).append(" | ").append(met ? "yes" : "no").append(" |\n");
        });
        cell("tether", "new-session", db).ifPresent(c -> {
            boolean met = c.perRequest(c.selects()) < 0.05 && Math.abs(c.perRequest(c.commits()) - 1) < 0.05;
            md.append("| SQL per request, new session: 1 write transaction (").append(name).append(") | ")
                    .append(sqlMix(c)).append(" | ").append(met ? "yes" : "no").append(" |\n");
        });
    }

    /** Statements per request by kind, and commits (write transactions). */
    static String sqlMix(Cell c) {
        if (c.perRequest(c.statements()) < 0.005 && c.perRequest(c.commits()) < 0.005) {
            return c.statements() == 0 ? "0" : "0.00";
        }
        List<String> parts = new ArrayList<>();
        addPart(parts, c, c.selects(), "SELECT");
        addPart(parts, c, c.inserts(), "INSERT");
        addPart(parts, c, c.updates(), "UPDATE");
        addPart(parts, c, c.deletes(), "DELETE");
        addPart(parts, c, c.merges() + c.others(), "other");
        return fmt("%.2f", c.perRequest(c.statements())) + " (" + String.join(" + ", parts) + "; "
                + fmt("%.2f", c.perRequest(c.commits())) + " commits)";
    }

    private static void addPart(List<String> parts, Cell c, long count, String kind) {
        if (c.perRequest(count) >= 0.005) {
            parts.add(fmt("%.2f", c.perRequest(count)) + " " + kind);
        }
    }

    Optional<Double> ratio(String variant, String baseline, String workload, String db) {
        Optional<Cell> a = cell(variant, workload, db);
        Optional<Cell> b = cell(baseline, workload, db);
        if (a.isEmpty() || b.isEmpty() || b.get().throughput() == 0) {
            return Optional.empty();
        }
        return Optional.of(a.get().throughput() / b.get().throughput());
    }

    // ---- HTTP

    private void httpSection(StringBuilder md) {
        md.append("## HTTP: four variants of one resource on one WildFly\n\n");
        md.append("Throughput counts 2xx responses per second; latency is over all responses; SQL is statements ")
                .append("per request at the JDBC level, with commits (write transactions) beside. `x in-memory` and ")
                .append("`x Spring` are the variant's throughput over theirs in the same run. **CPU ms/req** is the CPU ")
                .append("time the server JVM and the database processes used per request during the measured runs ")
                .append("(lower is better): other processes on the machine change it less than throughput, though ")
                .append("contention for the cores still inflates it.\n\n");
        for (String db : databases()) {
            md.append("### ").append(DATABASES.getOrDefault(db, db)).append("\n\n");
            md.append("| workload | variant | req/s | p50 ms | p99 ms | CPU ms/req | SQL per request | non-2xx | x in-memory | x Spring |\n");
            md.append("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n");
            for (String workload : WORKLOADS) {
                for (String variant : VARIANTS) {
                    cell(variant, workload, db).ifPresent(c -> md.append("| ").append(workload).append(" | ")
                            .append(variant.equals("tether") ? "**tether**" : variant).append(" | ")
                            .append(fmt("%.0f", c.throughput())).append(" | ").append(fmt("%.2f", c.p50())).append(" | ")
                            .append(fmt("%.2f", c.p99())).append(" | ").append(fmt("%.2f", c.cpuPerRequest())).append(" | ")
                            .append(sqlMix(c)).append(" | ")
                            .append(c.requests() == 0 ? "-" : fmt("%.1f%%", 100.0 * c.non2xx() / c.requests())).append(" | ")
                            .append(ratio(variant, "in-memory", workload, db).map(r -> fmt("%.2f", r)).orElse("-")).append(" | ")
                            .append(ratio(variant, "spring-session-jdbc", workload, db).map(r -> fmt("%.2f", r)).orElse("-"))
                            .append(" |\n"));
                }
            }
            md.append("\n");
            List<String> lost = new ArrayList<>();
            for (String variant : VARIANTS) {
                cell(variant, "same-session-8", db).flatMap(c -> c.lostUpdates().map(l -> variant + ": " + l
                        + " of " + c.ok() + " increments answered 2xx were lost"
                        + (c.non2xx() > 0 ? ", " + c.non2xx() + " answered 409 Conflict" : "")))
                        .ifPresent(lost::add);
            }
            if (!lost.isEmpty()) {
                md.append("Same session, 8 clients at once (").append(DATABASES.getOrDefault(db, db)).append("): ")
                        .append(String.join("; ", lost)).append(".\n\n");
            }
        }
    }

    // ---- scale

    private void scaleSection(StringBuilder md) {
        md.append("## Scale: Tether's read-modify-write with more stored sessions\n\n");
        if (scale.isEmpty()) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("Filler sessions (a session row and one bean row each, copied from a real one) are inserted with SQL ")
                .append("between runs; the 8 measured sessions are among them.\n\n");
        md.append("![p50 and p99 latency against stored sessions](latency-vs-sessions.svg)\n\n");
        md.append("| database | stored sessions | req/s | p50 ms | p99 ms | CPU ms/req | fill time |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ScalePoint p : scale) {
            md.append("| ").append(DATABASES.getOrDefault(p.database(), p.database())).append(" | ").append(count(p.sessions()))
                    .append(" | ").append(fmt("%.0f", p.throughput())).append(" | ").append(fmt("%.2f", p.p50Micros() / 1000.0))
                    .append(" | ").append(fmt("%.2f", p.p99Micros() / 1000.0)).append(" | ").append(fmt("%.2f", p.cpuPerRequest()))
                    .append(" | ").append(p.fillSeconds())
                    .append(" s |\n");
        }
        md.append("\n");
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
        md.append("| benchmark | score | unit |\n| --- | ---: | --- |\n");
        for (String name : List.of("LoadedBeanCall.persistentSessionScoped", "LoadedBeanCall.requestScoped")) {
            jmh(name, "").ifPresent(j -> md.append("| ").append(name).append(" | ").append(fmt("%.1f", j.score()))
                    .append(" ± ").append(fmt("%.1f", j.error())).append(" | ").append(j.unit()).append(" |\n"));
        }
        md.append("\nBean size (a list of small notes, Java serialization; a unit is one request's open, use, close):\n\n");
        md.append("| serialized size | dirty check (serialize + compare) | decode | read-only unit | read-modify-write unit |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (String bytes : List.of("1024", "10240", "102400")) {
            md.append("| ").append(Integer.parseInt(bytes) / 1024).append(" KB");
            for (String name : List.of("BeanSize.dirtyCheck", "BeanSize.decode", "BeanSize.readOnlyUnit",
                    "BeanSize.readModifyWriteUnit")) {
                md.append(" | ").append(jmh(name, bytes).map(j -> fmt("%.1f", j.score()) + " " + j.unit()).orElse("-"));
            }
            md.append(" |\n");
        }
        md.append("\n");
    }

    Optional<Jmh> jmh(String name, String bytes) {
        Predicate<Jmh> matches = j -> j.benchmark().equals(name) && j.bytes().equals(bytes);
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
                - **One WAR** (`bench/app`) on one WildFly 39.0.1.Final (port offset 800), the Tether jar of this checkout in \
                `WEB-INF/lib`. Four JAX-RS resources, one per variant: `/api/in-memory` (CDI `@SessionScoped`, the \
                server's HttpSession), `/api/tether` (`@PersistentSessionScoped`), `/api/spring-session-jdbc` (an \
                HttpSession attribute, Spring Session's `SessionRepositoryFilter` on that path only, its \
                `JdbcIndexedSessionRepository` built by hand on the same data source), `/api/none` (`@RequestScoped`). \
                Each keeps a hit counter: `GET no-touch` does not touch it, `GET read` reads it, `POST increment` \
                changes it. Tether's servlet filter runs on every path, as in any application with the jar.
                - **One database** per server run: the data source `java:jboss/datasources/BenchDS` (pool of 20), \
                an H2 file database in the server's JVM, or PostgreSQL on 127.0.0.1 (a throwaway cluster, default \
                settings but `shared_buffers=256MB`; its commits are durable, H2's file store writes in the background).
                - **Workloads**: `no-touch`, `read-only`, `read-modify-write` with one session per connection \
                (8 connections, sessions made before the run); `new-session`: increments without a cookie, so each \
                request makes a session; `same-session-8`: increments from 8 connections on one session.
                - **Load**: wrk (Debian's package) with `bench/wrk/session.lua`, one connection per thread, closed \
                loop: latency is service time under that concurrency (not corrected for coordinated omission). Per \
                workload: each variant warms up, then the measured time is split in rounds that alternate the \
                variants (throughput sums the rounds; p50 and p99 are the mean of the rounds' percentiles). CPU time \
                comes from `/proc` (the WildFly JVM; PostgreSQL's postmaster and its children).
                - **SQL per request**: every JDBC statement and commit through the data source is counted by a \
                wrapper (`StatementCounts`) that both Tether (as its `@SessionStorage` data source) and Spring \
                Session use, read from `/api/stats` before and after each measured run and divided by the requests.
                - **Scale**: rows inserted with SQL (`/api/admin/tether/fill`, sequential filler keys), then \
                ANALYZE, then the same read-modify-write run on the 8 sessions made through HTTP.
                - **JMH** 1.37 (`bench/jmh`): one fork, 3 warm-up and 3 measured iterations of 1 s each (the two \
                unit benchmarks warm up 4 x 2 s).
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

    static String trimComma(StringBuilder text) {
        String s = text.toString();
        return s.endsWith(", ") ? s.substring(0, s.length() - 2) : s;
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
