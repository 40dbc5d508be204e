#!/usr/bin/env bash
# Runs every Tether benchmark and writes bench/RESULTS.md, bench/results.csv and bench/latency-vs-sessions.svg.
#
#   bench/run.sh
#
# What it does, in order (about 15 minutes on a quiet 2-core machine, 20 on a busy one):
#   1. builds the Tether jar of this checkout and the benchmark WAR and JMH classes (bench/pom.xml);
#      installs wrk and PostgreSQL from Debian's packages when they are missing;
#   2. for each database (embedded H2, then PostgreSQL on 127.0.0.1:$BENCH_PG_PORT): starts WildFly with
#      port offset $BENCH_PORT_OFFSET, deploys the WAR, and loads every variant x workload with wrk;
#      then Tether's read-modify-write with 1,000 / 100,000 / 1,000,000 stored sessions, then its purge rate;
#   3. runs the JMH benchmarks (in-process, Weld SE + H2);
#   4. writes the report (bench/tools/Report.java).
#
# Settings (environment), defaults in brackets:
#   BENCH_SECONDS      measured seconds per cell [8], split in BENCH_ROUNDS rounds [2] that alternate the variants
#   BENCH_WARMUP       warm-up seconds per cell [2]
#   BENCH_CONNECTIONS  wrk connections, one thread each [8]
#   BENCH_DATABASES    [h2 postgresql]; BENCH_VARIANTS and BENCH_WORKLOADS [all]
#   BENCH_SCALE        stored sessions of the scale runs [1000 100000 1000000]
#   BENCH_PURGE        expired sessions the purge deletes [100000]
#   BENCH_JMH          1 runs JMH [1]; BENCH_BUILD 0 reuses the last build [1]
#   BENCH_PORT_OFFSET  WildFly's port offset [800: HTTP 8880, management 10790]; BENCH_PG_PORT [25432]
# Only 127.0.0.1 is ever a target; every server it starts is stopped when it ends, however it ends.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
work=$bench/target/run
seconds=${BENCH_SECONDS:-8}
rounds=${BENCH_ROUNDS:-2}
warmup=${BENCH_WARMUP:-2}
connections=${BENCH_CONNECTIONS:-8}
databases=${BENCH_DATABASES:-h2 postgresql}
scale=${BENCH_SCALE:-1000 100000 1000000}
purge_sessions=${BENCH_PURGE:-100000}
run_jmh=${BENCH_JMH:-1}
offset=${BENCH_PORT_OFFSET:-800}
pg_port=${BENCH_PG_PORT:-25432}
clock_ticks=$(getconf CLK_TCK)
http_port=$((8080 + offset))
management_port=$((9990 + offset))
api=http://127.0.0.1:$http_port/bench/api
variants=${BENCH_VARIANTS:-in-memory tether spring-session-jdbc none}
workloads=${BENCH_WORKLOADS:-no-touch read-only read-modify-write new-session same-session-8}
wildfly_home=$bench/app/target/wildfly-39.0.1.Final
wildfly_pid=
pg_data=
started_at=$(date +%s)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    stop_wildfly
    stop_postgres
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. tools and builds

install_missing_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
    command -v curl >/dev/null || missing+=(curl)
    command -v jq >/dev/null || missing+=(jq)
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]} from Debian's packages"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

build() {
    if [ "${BENCH_BUILD:-1}" = 1 ]; then
        log "building the Tether jar (./mvnw package -DskipTests) and the benchmarks"
        "$root/mvnw" -q -f "$root/pom.xml" package -DskipTests
        "$root/mvnw" -q -f "$bench/pom.xml" package
    fi
    rm -rf "$work"
    mkdir -p "$work"
}

# ---- PostgreSQL: a throwaway cluster of our own, on 127.0.0.1 only

start_postgres() {
    pg_data=$(mktemp -d /tmp/tether-bench-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$pg_data"
    log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
    as_postgres "$pg_bin/initdb" -D "$pg_data/data" -U postgres -A trust --no-sync >/dev/null
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data/data" -l "$pg_data/log" -w -t 60 start -o \
        "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_data -c shared_buffers=256MB -c max_connections=60" >/dev/null
    as_postgres "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE bench" >/dev/null
}

stop_postgres() {
    if [ -n "$pg_data" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_data"
        pg_data=
    fi
}

# ---- WildFly: one server per database, a fresh base directory each time

start_wildfly() {
    local db=$1
    local base=$work/server-$db
    cp -r "$wildfly_home/standalone" "$base"
    log "starting WildFly 39 for $db (HTTP $http_port, management $management_port)"
    JBOSS_JAVA_SIZING="-Xms1g -Xmx1g" setsid "$wildfly_home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.socket.binding.port-offset="$offset" -Djboss.server.base.dir="$base" >"$work/server-$db.out" 2>&1 &
    wildfly_pid=$!
    local waited=0
    until grep -q 'WFLYSRV0025\|WFLYSRV0026' "$base/log/server.log" 2>/dev/null; do
        sleep 1
        waited=$((waited + 1))
        if [ $waited -ge 120 ] || ! kill -0 "$wildfly_pid" 2>/dev/null; then
            log "WildFly did not start; see $work/server-$db.out"
            return 1
        fi
    done
    local url driver credentials
    if [ "$db" = h2 ]; then
        url="jdbc:h2:file:$work/h2/bench;DB_CLOSE_ON_EXIT=FALSE"
        driver=h2
        credentials="--user-name=sa --password=sa"
    else
        url="jdbc:postgresql://127.0.0.1:$pg_port/bench"
        driver=postgresql.jar
        credentials="--user-name=postgres"
    fi
    {
        [ "$db" = postgresql ] && echo "deploy $bench/app/target/postgresql.jar"
        echo "data-source add --name=BenchDS --jndi-name=java:jboss/datasources/BenchDS --driver-name=$driver" \
            "--connection-url=$url $credentials --min-pool-size=20 --max-pool-size=20 --pool-prefill=true"
        echo "deploy $bench/app/target/bench.war"
    } >"$work/deploy-$db.cli"
    "$wildfly_home/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$management_port" \
        --file="$work/deploy-$db.cli" >"$work/deploy-$db.out" 2>&1
    curl -sf "$api/none/no-touch" >/dev/null
}

stop_wildfly() {
    if [ -n "$wildfly_pid" ]; then
        "$wildfly_home/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$management_port" \
            --command=":shutdown" >/dev/null 2>&1 || true
        local waited=0
        while kill -0 "$wildfly_pid" 2>/dev/null && [ $waited -lt 30 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        kill -- -"$wildfly_pid" 2>/dev/null || true
        wildfly_pid=
    fi
}

# ---- CPU time of the server and the database, which other processes on the machine do not inflate

# Prints the clock ticks (user + system) used so far by the WildFly JVM, then by PostgreSQL (0 for H2, which
# runs inside the JVM): the postmaster with its reaped children, and its live children.
cpu_ticks() {
    local java_pid server=0 database=0
    java_pid=$(pgrep -P "$wildfly_pid" -x java | head -1)
    server=$(awk '{print $14 + $15}' "/proc/$java_pid/stat")
    if [ -n "$pg_data" ]; then
        local postmaster
        postmaster=$(head -1 "$pg_data/data/postmaster.pid")
        database=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
        for child in $(pgrep -P "$postmaster"); do
            database=$((database + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
        done
    fi
    echo "$server $database"
}

# ---- one cell: a variant under a workload

# Prints the Cookie header value a fresh session of the variant gets from one increment.
new_session_cookie() {
    curl -s -o /dev/null -D - -X POST "$api/$1/increment" \
        | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | paste -sd ';' | sed 's/;/; /g'
}

# Writes the cookie file for a workload: one line per connection, "-" when it sends none.
cookies_for() {
    local variant=$1 workload=$2 file=$work/cookies-$1-$2.txt
    case $workload in
        new-session) echo - ; return ;;
        same-session-8)
            local shared
            shared=$(new_session_cookie "$variant")
            for _ in $(seq "$connections"); do echo "$shared"; done >"$file" ;;
        *)
            for _ in $(seq "$connections"); do new_session_cookie "$variant"; done >"$file" ;;
    esac
    echo "$file"
}

request_of() {
    case $1 in
        no-touch) echo "GET no-touch" ;;
        read-only) echo "GET read" ;;
        *) echo "POST increment" ;;
    esac
}

# The counter of the session in a cookie file's first line (for lost-update checks), or -1.
counter_of() {
    local cookies=$2
    if [ "$cookies" = - ] || [ ! -s "$cookies" ]; then echo -1; return; fi
    curl -s -H "Cookie: $(head -1 "$cookies")" "$api/$1/read" || echo -1
}

# Runs wrk and prints its RESULT line.
load() {
    local method=$1 url=$2 cookies=$3 duration=$4
    wrk -t "$connections" -c "$connections" -d "${duration}s" --timeout 10s -s "$bench/wrk/session.lua" "$url" \
        -- "$method" "$cookies" | grep '^RESULT'
}

# Measures one workload: every variant in turn, in $rounds rounds of $seconds/$rounds s, so that a change in the
# machine's load during the run falls on all variants alike. Appends one line per variant to cells.csv.
run_workload() {
    local workload=$1 db=$2 method path variant round
    read -r method path < <(request_of "$workload")
    declare -A cookies counter_before stats_before stats_after results server_ticks database_ticks
    for variant in $variants; do
        cookies[$variant]=$(cookies_for "$variant" "$workload")
        load "$method" "$api/$variant/$path" "${cookies[$variant]}" "$warmup" >/dev/null
        counter_before[$variant]=$(counter_of "$variant" "${cookies[$variant]}")
    done
    for round in $(seq "$rounds"); do
        for variant in $variants; do
            local before after ticks_before ticks_after
            before=$(curl -sf "$api/stats")
            read -r -a ticks_before < <(cpu_ticks)
            results[$variant]+="$(load "$method" "$api/$variant/$path" "${cookies[$variant]}" $((seconds / rounds)))"$'\n'
            read -r -a ticks_after < <(cpu_ticks)
            after=$(curl -sf "$api/stats")
            server_ticks[$variant]=$(( ${server_ticks[$variant]:-0} + ticks_after[0] - ticks_before[0] ))
            database_ticks[$variant]=$(( ${database_ticks[$variant]:-0} + ticks_after[1] - ticks_before[1] ))
            stats_before[$variant]+="$before"$'\n'
            stats_after[$variant]+="$after"$'\n'
        done
    done
    for variant in $variants; do
        local line="$variant,$workload,$db"
        line+=",$(sum_results "${results[$variant]}")"
        for field in select insert update delete merge other commits; do
            line+=",$(( $(stats_sum "${stats_after[$variant]}" "$field") - $(stats_sum "${stats_before[$variant]}" "$field") ))"
        done
        line+=",${counter_before[$variant]},$(counter_of "$variant" "${cookies[$variant]}")"
        line+=",$(( server_ticks[$variant] * 1000 / clock_ticks )),$(( database_ticks[$variant] * 1000 / clock_ticks ))"
        echo "$line" >>"$work/cells.csv"
        log "$variant / $workload / $db: $(cut -d, -f4- <<<"$line")"
    done
}

# Adds up wrk RESULT lines of several rounds: requests, time and errors summed, p50 and p99 as the mean of the
# rounds' (wrk's percentiles cannot be merged exactly), max as the largest.
sum_results() {
    awk '/^RESULT/ {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] += kv[2]; if (kv[1] == "max_us" && kv[2] > max) max = kv[2] }
        n++
    } END {
        printf "%d,%d,%d,%d,%d,%d,%d", v["requests"], v["duration_us"], v["p50_us"] / n, v["p99_us"] / n, max,
            v["non2xx"], v["socket_errors"]
    }' <<<"$1"
}

# Sums one field over several JSON stats snapshots, one per line.
stats_sum() {
    jq -s "map(.$2) | add" <<<"$1"
}

run_matrix() {
    local db=$1
    # one round over every endpoint first, so no variant pays for the server's first-use warm-up
    for variant in $variants; do
        for workload in no-touch read-only read-modify-write; do
            local method path
            read -r method path < <(request_of "$workload")
            load "$method" "$api/$variant/$path" - 2 >/dev/null
        done
    done
    for workload in $workloads; do
        run_workload "$workload" "$db"
    done
}

# Tether's read-modify-write with more and more stored sessions; appends to scale.csv.
run_scale() {
    local db=$1 cookies result fill_start fill_seconds
    curl -sf -X POST "$api/admin/tether/reset" >/dev/null
    cookies=$(cookies_for tether read-modify-write)
    for sessions in $scale; do
        fill_start=$(date +%s%N)
        curl -sf -X POST --max-time 600 "$api/admin/tether/fill?total=$sessions" >/dev/null
        fill_seconds=$(( ($(date +%s%N) - fill_start) / 1000000000 ))
        load POST "$api/tether/increment" "$cookies" "$warmup" >/dev/null
        local ticks_before ticks_after
        read -r -a ticks_before < <(cpu_ticks)
        result=$(load POST "$api/tether/increment" "$cookies" "$seconds")
        read -r -a ticks_after < <(cpu_ticks)
        local line="tether,read-modify-write,$db,$sessions,$fill_seconds"
        for field in requests duration_us p50_us p99_us max_us non2xx socket_errors; do
            line+=",$(sed -n "s/.* $field=\([0-9]*\).*/\1/p" <<<" $result")"
        done
        line+=",$(( (ticks_after[0] - ticks_before[0]) * 1000 / clock_ticks )),$(( (ticks_after[1] - ticks_before[1]) * 1000 / clock_ticks ))"
        echo "$line" >>"$work/scale.csv"
        log "scale $sessions sessions / $db: $result (filled in ${fill_seconds}s)"
    done
}

# Tether's purge: expired sessions added beside the live ones, then one purge run; appends to purge.csv.
run_purge() {
    local db=$1 result
    curl -sf -X POST --max-time 600 "$api/admin/tether/fill-expired?count=$purge_sessions" >/dev/null
    result=$(curl -sf -X POST --max-time 600 "$api/admin/tether/purge")
    echo "$db,$purge_sessions,${result// /,},$(curl -sf "$api/admin/tether/sessions")" >>"$work/purge.csv"
    log "purge / $db: $result (sessions batches ms)"
}

# ---- 3. JMH, in-process

run_jmh() {
    log "running JMH"
    local classpath
    classpath=$bench/jmh/target/classes:$(cat "$bench/jmh/target/classpath.txt"):$root/target/tether-0.1.0-SNAPSHOT.jar
    java -cp "$classpath" org.openjdk.jmh.Main -rf csv -rff "$work/jmh.csv" \
        >"$work/jmh.out" 2>&1
}

# ---- 4. the machine, then the report

describe_machine() {
    {
        echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
        echo "cores=$(nproc)"
        echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
        echo "os=$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
        echo "java=$(java -version 2>&1 | head -1)"
        echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
        echo "postgresql=$("$pg_bin/postgres" --version)"
        echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
        echo "seconds=$seconds"
        echo "rounds=$rounds"
        echo "warmup=$warmup"
        echo "connections=$connections"
    } >"$work/machine.txt"
}

main() {
    install_missing_tools
    build
    : >"$work/cells.csv"
    : >"$work/scale.csv"
    : >"$work/purge.csv"
    describe_machine
    for db in $databases; do
        [ "$db" = postgresql ] && start_postgres
        start_wildfly "$db"
        run_matrix "$db"
        run_scale "$db"
        run_purge "$db"
        stop_wildfly
        stop_postgres
    done
    [ "$run_jmh" = 1 ] && run_jmh
    {
        echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
        echo "total_seconds=$(( $(date +%s) - started_at ))"
    } >>"$work/machine.txt"
    log "writing the report"
    java "$bench/tools/Report.java" "$work" "$bench"
    log "done in $(( $(date +%s) - started_at )) s: $bench/RESULTS.md"
}

# sourcing this file (for a manual session) defines the functions without running anything
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
