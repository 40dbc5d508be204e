#!/usr/bin/env bash
# Runs every Tether benchmark and writes bench/RESULTS.md, bench/results.csv, bench/rounds.csv, bench/scale.csv
# and bench/latency-vs-sessions.svg.
#
#   bench/run.sh
#
# It must run alone on the machine (no build, no second server, no helper): it records the load average and
# refuses to start when the 1-minute load average is above $BENCH_MAX_LOAD (BENCH_ALLOW_LOAD=1 runs anyway and
# the report is headed VOID). About 25 minutes on a quiet 2-core machine with the defaults. In order:
#   1. builds the Tether jar of this checkout and the benchmark WAR and JMH classes (bench/pom.xml); installs
#      wrk and PostgreSQL from Debian's packages when they are missing; waits for the build's load to pass;
#   2. for each database (embedded H2, then PostgreSQL on 127.0.0.1:$BENCH_PG_PORT): starts WildFly with port
#      offset $BENCH_PORT_OFFSET, deploys the WAR, and loads every variant x workload with wrk, in
#      $BENCH_ROUNDS rounds that alternate the variants, while JFR samples the server (the phase table);
#      then Tether's read-modify-write over 1,000 sessions with 1,000 / 100,000 / 1,000,000 stored sessions,
#      then its purge rate;
#   3. Payara Micro (EclipseLink) on its default H2 data source, HTTP port $BENCH_PAYARA_PORT: Tether and
#      in-memory sessions, read-only and read-modify-write over 1,000 sessions;
#   4. runs the JMH benchmarks (in-process, Weld SE + H2);
#   5. classifies the JFR samples by phase (bench/tools/Phases.java, table bench/tools/phases.txt) and writes
#      the report (bench/tools/Report.java), whose "Checks" lists the cells the raw data says went wrong (sessions
#      not found, errors, unsteady rounds).
#
# Settings (environment), defaults in brackets; RESULTS.md's "The run" table repeats the ones in effect:
#   BENCH_SECONDS      measured seconds per round [3]
#   BENCH_ROUNDS       rounds per cell [3]; each round runs every variant once, in turn; the report gives the
#                      median of the rounds and their spread (min-max)
#   BENCH_WARMUP       warm-up seconds per variant and workload, before the rounds [2]
#   BENCH_PREWARM      seconds of reads and of increments on stored sessions per variant, once per server before
#                      the first workload (the JIT's first pass) [4]
#   BENCH_CONNECTIONS  wrk connections, one thread each [8]
#   BENCH_SPREAD       sessions of the read-only-1000 and read-modify-write-1000 workloads, made before them [1000]
#   BENCH_DATABASES    [h2 postgresql]; BENCH_VARIANTS and BENCH_WORKLOADS [all]
#   BENCH_SCALE        stored sessions of the scale runs [1000 100000 1000000]
#   BENCH_PURGE        expired sessions the purge deletes [20000]
#   BENCH_JDBC         1 measures Tether with tether.store=jdbc too, as the variant tether-jdbc: a second copy of the
#                      WAR with that setting (bench-jdbc.war), on the same server, in the same rounds as the others [1]
#   BENCH_PAYARA       1 runs the Payara Micro row [1]; BENCH_PAYARA_PORT its HTTP port [8980]
#   BENCH_PROFILE      1 records JFR execution samples for the phase table [1]
#   BENCH_JMH          1 runs JMH [1]; BENCH_JMH_ARGS more arguments to JMH, e.g. a benchmark regex, for a quick
#                      try [none]; BENCH_BUILD 0 reuses the last build [1]
#   BENCH_MAX_LOAD     the highest 1-minute load average it starts at [1.0]; BENCH_ALLOW_LOAD=1 starts anyway,
#                      and the report is marked VOID; BENCH_SETTLE: at most that many seconds of waiting after
#                      the build for the load average to fall below BENCH_MAX_LOAD again [90]
#   BENCH_PORT_OFFSET  WildFly's port offset [800: HTTP 8880, management 10790]; BENCH_PG_PORT [25432]
# Only 127.0.0.1 is ever a target; every server it starts is stopped when it ends, however it ends.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
work=$bench/target/run
seconds=${BENCH_SECONDS:-3}
rounds=${BENCH_ROUNDS:-3}
warmup=${BENCH_WARMUP:-2}
prewarm=${BENCH_PREWARM:-4}
connections=${BENCH_CONNECTIONS:-8}
spread=${BENCH_SPREAD:-1000}
databases=${BENCH_DATABASES:-h2 postgresql}
scale=${BENCH_SCALE:-1000 100000 1000000}
purge_sessions=${BENCH_PURGE:-20000}
run_jdbc=${BENCH_JDBC:-1}
run_payara=${BENCH_PAYARA:-1}
payara_port=${BENCH_PAYARA_PORT:-8980}
profile=${BENCH_PROFILE:-1}
run_jmh=${BENCH_JMH:-1}
max_load=${BENCH_MAX_LOAD:-1.0}
allow_load=${BENCH_ALLOW_LOAD:-0}
settle=${BENCH_SETTLE:-90}
offset=${BENCH_PORT_OFFSET:-800}
pg_port=${BENCH_PG_PORT:-25432}
clock_ticks=$(getconf CLK_TCK)
http_port=$((8080 + offset))
management_port=$((9990 + offset))
variants=${BENCH_VARIANTS:-in-memory tether floor spring-session-jdbc none}
workloads=${BENCH_WORKLOADS:-no-touch read-only read-modify-write new-session same-session-8 read-only-1000 read-modify-write-1000}
# Payara's row: Tether against the floor, on the workloads of the targets
payara_variants="in-memory tether"
payara_workloads="read-only-1000 read-modify-write-1000"
wildfly_home=$bench/app/target/wildfly-39.0.1.Final
payara_jar=$bench/app/target/payara-micro.jar
# the server under load: its name, its database, its JVM's pid, its API's URL, and the variants measured on it
server=
server_db=
server_pid=
java_pid=
api=
api_jdbc=
cell_variants=
pg_data=
started_at=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
other_java=0

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    stop_server
    stop_postgres
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 0. alone on the machine

# Whether the 1-minute load average is above the limit.
loaded() {
    awk -v max="$max_load" '{ exit !($1 > max) }' /proc/loadavg
}

# Refuses to start on a busy machine, unless told to run anyway (then the report says VOID).
check_quiet() {
    if loaded; then
        if [ "$allow_load" = 1 ]; then
            log "load average $load_at_start is above $max_load: running anyway (BENCH_ALLOW_LOAD=1); the report is VOID"
        else
            log "load average (1, 5, 15 min) is $load_at_start, above $max_load: the machine is not quiet."
            log "Stop builds, servers and helpers, wait a minute and rerun (BENCH_ALLOW_LOAD=1 runs anyway, marked VOID)."
            exit 3
        fi
    fi
    other_java=$(pgrep -x java | wc -l || true)
    if [ "$other_java" -gt 0 ]; then
        log "warning: $other_java other Java process(es) at start: $(pgrep -a -x java | cut -c1-120 | paste -sd ';')"
    fi
}

# After our own build, waits (at most $settle s) for the load average to fall back below the limit.
settle_after_build() {
    local waited=0
    while loaded && [ $waited -lt "$settle" ]; do
        sleep 5
        waited=$((waited + 5))
    done
    log "load average before the first server: $(cut -d' ' -f1-3 /proc/loadavg) (waited ${waited}s after the build)"
}

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
        settle_after_build
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

# ---- the servers: WildFly (one per database, a fresh base directory each time) and Payara Micro

# JVM options of every server: the same heap, and the phase profile's recording when it is on.
jvm_options() {
    local options="-Xms1g -Xmx1g"
    if [ "$profile" = 1 ]; then
        options+=" -XX:StartFlightRecording=name=phases,settings=$bench/tools/phases.jfc"
        options+=" -XX:FlightRecorderOptions=stackdepth=256"
    fi
    echo "$options"
}

# Waits for a log line that says the server is up; fails when it exits first or takes two minutes.
await_log() {
    local file=$1 pattern=$2 waited=0
    until grep -q "$pattern" "$file" 2>/dev/null; do
        sleep 1
        waited=$((waited + 1))
        if [ $waited -ge 120 ] || ! kill -0 "$server_pid" 2>/dev/null; then
            log "$server did not start; see $file"
            return 1
        fi
    done
}

# The variants of the WildFly runs: tether-jdbc right after tether, when measured.
wildfly_variants() {
    local variant
    for variant in $variants; do
        echo -n "$variant "
        if [ "$variant" = tether ] && [ "$run_jdbc" = 1 ]; then echo -n "tether-jdbc "; fi
    done
}

# The WAR of the tether-jdbc variant: the bench WAR with tether.store=jdbc in its MicroProfile Config, deployed
# beside it (context root /bench-jdbc), so that both stores run in one JVM, warmed alike, in the same rounds.
jdbc_war() {
    local war=$work/bench-jdbc.war unpacked=$work/bench-jdbc-config
    local config=WEB-INF/classes/META-INF/microprofile-config.properties
    if [ ! -f "$war" ]; then
        cp "$bench/app/target/bench.war" "$war"
        mkdir -p "$unpacked/$(dirname "$config")"
        { unzip -p "$war" "$config"; echo; echo "tether.store=jdbc"; } >"$unpacked/$config"
        (cd "$unpacked" && jar uf "$war" "$config")
    fi
    echo "$war"
}

# The API base of a variant's WAR.
api_of() {
    if [ "$1" = tether-jdbc ]; then echo "$api_jdbc"; else echo "$api"; fi
}

start_wildfly() {
    local db=$1
    local base=$work/server-$db
    cp -r "$wildfly_home/standalone" "$base"
    log "starting WildFly 39 for $db (HTTP $http_port, management $management_port)"
    # standalone.conf puts JBOSS_JAVA_SIZING in front of its own JVM options, which JAVA_OPTS would replace
    JBOSS_JAVA_SIZING="$(jvm_options)" setsid "$wildfly_home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.socket.binding.port-offset="$offset" -Djboss.server.base.dir="$base" \
        >"$work/server-$db.out" 2>&1 &
    server_pid=$!
    server=wildfly
    server_db=$db
    api=http://127.0.0.1:$http_port/bench/api
    api_jdbc=http://127.0.0.1:$http_port/bench-jdbc/api
    cell_variants=$(wildfly_variants)
    await_log "$base/log/server.log" 'WFLYSRV0025\|WFLYSRV0026'
    java_pid=$(pgrep -P "$server_pid" -x java | head -1)
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
        if [ "$run_jdbc" = 1 ]; then echo "deploy $(jdbc_war)"; fi
    } >"$work/deploy-$db.cli"
    "$wildfly_home/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$management_port" \
        --file="$work/deploy-$db.cli" >"$work/deploy-$db.out" 2>&1
    curl -sf "$api/none/no-touch" >/dev/null
}

# Payara Micro with the WAR on its default data source (an H2 file in its root directory), HTTP on 127.0.0.1 only.
start_payara() {
    local root_dir=$work/payara-root
    mkdir -p "$root_dir" "$work/payara-tmp"
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
        >"$work/payara-preboot.txt"
    log "starting Payara Micro $(unzip -p "$payara_jar" META-INF/maven/fish.payara.server.internal.extras/payara-micro-boot/pom.properties \
        2>/dev/null | sed -n 's/^version=//p' | head -1) (HTTP $payara_port)"
    # shellcheck disable=SC2046 # the options are words
    setsid java $(jvm_options) -Djava.io.tmpdir="$work/payara-tmp" -jar "$payara_jar" --nocluster \
        --rootdir "$root_dir" --port "$payara_port" --prebootcommandfile "$work/payara-preboot.txt" \
        --deploy "$bench/app/target/bench.war" --contextroot bench >"$work/server-payara.out" 2>&1 &
    server_pid=$!
    java_pid=$server_pid
    server=payara
    server_db=h2
    api=http://127.0.0.1:$payara_port/bench/api
    cell_variants=$payara_variants
    await_log "$work/server-payara.out" 'Payara Micro URLs'
    curl -sf "$api/none/no-touch" >/dev/null
}

# Saves the phase profile's recording of the server under load, then stops it (the scale runs need none).
save_recording() {
    local db=$1
    if [ "$profile" = 1 ]; then
        jcmd "$java_pid" JFR.stop name=phases filename="$work/phases-$server-$db.jfr" >/dev/null
    fi
}

stop_server() {
    if [ -n "$server_pid" ]; then
        if [ "$server" = wildfly ]; then
            "$wildfly_home/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$management_port" \
                --command=":shutdown" >/dev/null 2>&1 || true
        else
            kill -TERM "$server_pid" 2>/dev/null || true
        fi
        local waited=0
        while kill -0 "$server_pid" 2>/dev/null && [ $waited -lt 30 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        kill -- -"$server_pid" 2>/dev/null || true
        server_pid=
        java_pid=
    fi
}

# ---- CPU time of the server and the database, which other processes on the machine do not inflate

# Prints the clock ticks (user + system) used so far by the server's JVM, then by PostgreSQL (0 for H2, which
# runs inside the JVM): the postmaster with its reaped children, and its live children.
cpu_ticks() {
    local jvm database=0
    jvm=$(awk '{print $14 + $15}' "/proc/$java_pid/stat")
    if [ -n "$pg_data" ]; then
        local postmaster
        postmaster=$(head -1 "$pg_data/data/postmaster.pid")
        database=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
        for child in $(pgrep -P "$postmaster"); do
            database=$((database + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
        done
    fi
    echo "$jvm $database"
}

# ---- one cell: a variant under a workload

# Prints the Cookie header value of each of $2 fresh sessions of variant $1, one per line: one increment each,
# all through one curl (one connection), the Set-Cookie values of a response joined with "; ".
new_session_cookies() {
    local variant=$1 count=$2 config=$work/new-sessions.curl
    for _ in $(seq "$count"); do
        printf 'url = "%s"\noutput = "/dev/null"\n' "$(api_of "$variant")/$variant/increment"
    done >"$config"
    curl -s -X POST -D - --config "$config" | tr -d '\r' | awk '
        /^HTTP\// { if (n++) print cookies; cookies = "" }
        tolower($0) ~ /^set-cookie:/ {
            sub(/^[^:]*: */, ""); sub(/;.*/, "")
            cookies = cookies == "" ? $0 : cookies "; " $0
        }
        END { if (n) print cookies }'
}

# Writes the cookie file for a workload and prints its name ("-" when it sends none): one line per connection,
# or, for the spread workloads, $spread lines made once per variant on each server run (never reused on another:
# its sessions would not be found there, and every request would make a new one).
cookies_for() {
    local variant=$1 workload=$2 file=$work/cookies-$server-$server_db-$1-$2.txt
    case $workload in
        new-session) echo - ; return ;;
        same-session-8)
            local shared
            shared=$(new_session_cookies "$variant" 1)
            for _ in $(seq "$connections"); do echo "$shared"; done >"$file" ;;
        *-1000)
            [ "$variant" = none ] && { echo - ; return; }
            file=$work/cookies-$server-$server_db-$1-spread.txt
            [ -s "$file" ] || new_session_cookies "$variant" "$spread" >"$file" ;;
        *)
            new_session_cookies "$variant" "$connections" >"$file" ;;
    esac
    echo "$file"
}

request_of() {
    case $1 in
        no-touch) echo "GET no-touch" ;;
        read-only*) echo "GET read" ;;
        *) echo "POST increment" ;;
    esac
}

# Checks, before a cell's rounds, that the server knows the sessions of its cookie file: a read of the first
# three returns their counter, which the increment that made them set to 1 or more (0 is a session not found,
# where each measured request would make or read an empty one). Appends "found of checked" to checks.csv.
check_sessions() {
    local variant=$1 workload=$2 cookies=$3 found=0 checked=0 cookie
    if [ "$cookies" = - ] || [ "$variant" = none ]; then return; fi
    while read -r cookie; do
        checked=$((checked + 1))
        [ "$(curl -s -H "Cookie: $cookie" "$(api_of "$variant")/$variant/read")" -gt 0 ] 2>/dev/null && found=$((found + 1))
    done < <(head -3 "$cookies")
    echo "$server,$server_db,$workload,$variant,$found,$checked" >>"$work/checks.csv"
    [ "$found" = "$checked" ] || log "warning: $variant on $server / $server_db does not know the sessions of $cookies"
}

# The wrk script of a workload: one session per connection, or many sessions in turn.
script_of() {
    local variant=$1 workload=$2
    if [[ $workload == *-1000 && $variant != none ]]; then echo spread.lua; else echo session.lua; fi
}

# The counter of the session in a cookie file's first line, for the lost-update check of same-session-8; else -1.
counter_of() {
    local cookies=$2
    if [ "$cookies" = - ] || [ ! -s "$cookies" ] || [[ $cookies != *same-session-8* ]]; then echo -1; return; fi
    curl -s -H "Cookie: $(head -1 "$cookies")" "$(api_of "$1")/$1/read" || echo -1
}

# Runs wrk and prints its RESULT line.
load() {
    local script=$1 method=$2 url=$3 cookies=$4 duration=$5
    wrk -t "$connections" -c "$connections" -d "${duration}s" --timeout 10s -s "$bench/wrk/$script" "$url" \
        -- "$method" "$cookies" "$connections" | grep '^RESULT'
}

# The wrk RESULT line's fields as CSV: requests,duration_us,p50_us,p99_us,max_us,non2xx,socket_errors.
result_csv() {
    local line="" field
    for field in requests duration_us p50_us p99_us max_us non2xx socket_errors; do
        line+="${line:+,}$(sed -n "s/.* $field=\([0-9]*\).*/\1/p" <<<" $1")"
    done
    echo "$line"
}

# The difference of two JSON stats snapshots as CSV: select,insert,update,delete,merge,other,commits.
stats_delta() {
    jq -n -r --argjson a "$1" --argjson b "$2" \
        '[.select, .insert, .update, .delete, .merge, .other, .commits] as $k
         | ["select","insert","update","delete","merge","other","commits"] | map($b[.] - $a[.]) | @csv'
}

now_ms() { date +%s%3N; }

# Measures one workload: every variant warms up, then $rounds rounds each run every variant in turn for
# $seconds s, so that a change in the machine's load falls on all variants alike. Appends one line per round
# and variant to rounds.csv, and the round's time window to windows.csv (for the phase profile).
run_workload() {
    local workload=$1 db=$2 method path variant round
    read -r method path < <(request_of "$workload")
    declare -A cookies
    for variant in $cell_variants; do
        cookies[$variant]=$(cookies_for "$variant" "$workload")
        check_sessions "$variant" "$workload" "${cookies[$variant]}"
        load "$(script_of "$variant" "$workload")" "$method" "$(api_of "$variant")/$variant/$path" "${cookies[$variant]}" "$warmup" >/dev/null
    done
    for round in $(seq "$rounds"); do
        for variant in $cell_variants; do
            local before after ticks_before ticks_after counter_before result start end
            counter_before=$(counter_of "$variant" "${cookies[$variant]}")
            before=$(curl -sf "$(api_of "$variant")/stats")
            read -r -a ticks_before < <(cpu_ticks)
            start=$(now_ms)
            result=$(load "$(script_of "$variant" "$workload")" "$method" "$(api_of "$variant")/$variant/$path" "${cookies[$variant]}" "$seconds")
            end=$(now_ms)
            read -r -a ticks_after < <(cpu_ticks)
            after=$(curl -sf "$(api_of "$variant")/stats")
            local line="$server,$db,$workload,$variant,$round,$(result_csv "$result"),$(stats_delta "$before" "$after")"
            line+=",$counter_before,$(counter_of "$variant" "${cookies[$variant]}")"
            line+=",$(( (ticks_after[0] - ticks_before[0]) * 1000 / clock_ticks ))"
            line+=",$(( (ticks_after[1] - ticks_before[1]) * 1000 / clock_ticks ))"
            echo "$line" >>"$work/rounds.csv"
            echo "$server,$db,$workload,$variant,$round,$start,$end" >>"$work/windows.csv"
            log "$server / $db / $workload / $variant / round $round: $result"
        done
    done
}

# Every variant's code paths once before the first measured cell, so that the JIT's work on the first use of
# Hibernate, Spring or Weld does not fall on whichever workload comes first: reads and increments on stored
# sessions (load, decode, dirty check, update) for $prewarm s each, then a second without a cookie on each
# endpoint (new sessions, no-touch). With only the latter, on a busy machine, the first round of the first workload
# served a third to a half fewer requests than the same workload measured again later.
warm_server() {
    local variant cookies
    for variant in $cell_variants; do
        cookies=$(cookies_for "$variant" prewarm)
        local variant_api
        variant_api=$(api_of "$variant")
        load session.lua GET "$variant_api/$variant/read" "$cookies" "$prewarm" >/dev/null
        load session.lua POST "$variant_api/$variant/increment" "$cookies" "$prewarm" >/dev/null
        load session.lua GET "$variant_api/$variant/no-touch" - 1 >/dev/null
        load session.lua POST "$variant_api/$variant/increment" - 1 >/dev/null
    done
}

run_matrix() {
    local db=$1 variant workload
    warm_server
    for workload in ${2:-$workloads}; do
        run_workload "$workload" "$db"
    done
}

# Tether's read-modify-write over $spread sessions with more and more stored sessions; appends to scale.csv.
run_scale() {
    local db=$1 cookies=$work/cookies-scale-$db.txt fill_start fill_seconds round
    curl -sf -X POST "$api/admin/tether/reset" >/dev/null
    new_session_cookies tether "$spread" >"$cookies"
    for sessions in $scale; do
        fill_start=$(date +%s%N)
        curl -sf -X POST --max-time 900 "$api/admin/tether/fill?total=$sessions" >/dev/null
        fill_seconds=$(( ($(date +%s%N) - fill_start) / 1000000000 ))
        load spread.lua POST "$api/tether/increment" "$cookies" "$warmup" >/dev/null
        for round in $(seq "$rounds"); do
            local ticks_before ticks_after result
            read -r -a ticks_before < <(cpu_ticks)
            result=$(load spread.lua POST "$api/tether/increment" "$cookies" "$seconds")
            read -r -a ticks_after < <(cpu_ticks)
            local line="$server,$db,$sessions,$round,$fill_seconds,$(result_csv "$result")"
            line+=",$(( (ticks_after[0] - ticks_before[0]) * 1000 / clock_ticks ))"
            line+=",$(( (ticks_after[1] - ticks_before[1]) * 1000 / clock_ticks ))"
            echo "$line" >>"$work/scale.csv"
            log "scale $sessions sessions / $db / round $round: $result (filled in ${fill_seconds}s)"
        done
    done
}

# Tether's purge: expired sessions added beside the live ones, then one purge run; appends to purge.csv.
run_purge() {
    local db=$1 result
    curl -sf -X POST --max-time 900 "$api/admin/tether/fill-expired?count=$purge_sessions" >/dev/null
    result=$(curl -sf -X POST --max-time 900 "$api/admin/tether/purge")
    echo "$db,$purge_sessions,${result// /,},$(curl -sf "$api/admin/tether/sessions")" >>"$work/purge.csv"
    log "purge / $db: $result (sessions batches ms)"
}

run_wildfly() {
    local db=$1
    [ "$db" = postgresql ] && start_postgres
    start_wildfly "$db"
    run_matrix "$db"
    save_recording "$db"
    run_scale "$db"
    run_purge "$db"
    stop_server
    stop_postgres
}

run_payara() {
    start_payara
    echo "payara_datasource=$(curl -sf "$api/stats/datasource")" >>"$work/machine.txt"
    run_matrix h2 "$payara_workloads"
    save_recording h2
    stop_server
}

# ---- 4. JMH, in-process

run_jmh() {
    log "running JMH"
    local classpath
    classpath=$bench/jmh/target/classes:$(cat "$bench/jmh/target/classpath.txt"):$root/target/tether-0.9.0-SNAPSHOT.jar
    # shellcheck disable=SC2086 # the extra arguments are words
    java -cp "$classpath" org.openjdk.jmh.Main -rf csv -rff "$work/jmh.csv" ${BENCH_JMH_ARGS:-} \
        >"$work/jmh.out" 2>&1
}

# ---- 5. the phases, the machine, then the report

classify_phases() {
    local recording name
    for recording in "$work"/phases-*.jfr; do
        [ -e "$recording" ] || continue
        name=$(basename "$recording" .jfr)
        name=${name#phases-}
        java "$bench/tools/Phases.java" "$bench/tools/phases.txt" "$work/windows.csv" "$recording" \
            "${name%-*}" "${name##*-}" tether "$work"
    done
}

# The commit measured, with "dirty" and the changed paths when the work tree differs from it.
describe_commit() {
    local changes
    echo "commit=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)"
    changes=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | awk '{print $2}' | head -8 | paste -sd ' ')
    echo "dirty=$changes"
}

describe_machine() {
    {
        echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
        describe_commit
        echo "cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
        echo "cores=$(nproc)"
        echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
        echo "os=$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
        echo "java=$(java -version 2>&1 | head -1)"
        echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
        echo "postgresql=$("$pg_bin/postgres" --version)"
        echo "load_before=$load_at_start"
        echo "load_measured_from=$(cut -d' ' -f1-3 /proc/loadavg)"
        echo "max_load=$max_load"
        echo "allow_load=$allow_load"
        echo "void=$(awk -v max="$max_load" '{ print ($1 > max) ? "yes" : "no" }' <<<"$load_at_start")"
        echo "other_java=$other_java"
        echo "seconds=$seconds"
        echo "rounds=$rounds"
        echo "warmup=$warmup"
        echo "prewarm=$prewarm"
        echo "connections=$connections"
        echo "spread=$spread"
        echo "databases=$databases"
        echo "variants=$variants"
        echo "workloads=$workloads"
        echo "settle=$settle"
        echo "scale=$scale"
        echo "purge=$purge_sessions"
        echo "payara=$run_payara"
        echo "profile=$profile"
        echo "jmh=$run_jmh${BENCH_JMH_ARGS:+ ($BENCH_JMH_ARGS)}"
        echo "build=${BENCH_BUILD:-1}"
        echo "ports=WildFly offset $offset (HTTP $http_port, management $management_port), PostgreSQL $pg_port, Payara $payara_port"
    } >"$work/machine.txt"
}

main() {
    check_quiet
    install_missing_tools
    build
    : >"$work/rounds.csv"
    : >"$work/windows.csv"
    : >"$work/checks.csv"
    : >"$work/scale.csv"
    : >"$work/purge.csv"
    describe_machine
    for db in $databases; do
        run_wildfly "$db"
    done
    [ "$run_payara" = 1 ] && run_payara
    [ "$run_jmh" = 1 ] && run_jmh
    {
        echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
        echo "total_seconds=$(( $(date +%s) - started_at ))"
    } >>"$work/machine.txt"
    log "classifying the JFR samples by phase"
    classify_phases
    log "writing the report"
    java "$bench/tools/Report.java" "$work" "$bench"
    log "done in $(( $(date +%s) - started_at )) s: $bench/RESULTS.md"
}

# sourcing this file (for a manual session) defines the functions without running anything
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
