#!/usr/bin/env bash
# Builds Tether from this checkout and runs the demo shop on WildFly in the foreground; Ctrl+C stops it.
# The sessions live in an H2 file under examples/shop/target/wildfly-*/standalone/data, so they survive a
# stop and start (but not `mvnw clean` of the demo).
# TETHER_DEMO_PORT=9090 examples/run-demo.sh serves it on another HTTP port (8080 or above): WildFly then moves all
# its ports by the same offset, so the management port is 9990 + (port - 8080).
set -euo pipefail

examples=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$examples")
port=${TETHER_DEMO_PORT:-8080}
if ! [[ $port =~ ^[0-9]+$ ]] || [ "$port" -lt 8080 ] || [ "$port" -gt 55000 ]; then
    echo "TETHER_DEMO_PORT must be a port from 8080 to 55000, not '$port'" >&2
    exit 2
fi
offset=$((port - 8080))
ready_line="The demo shop is ready: http://127.0.0.1:8080/shop/"
ready_line=${ready_line/:8080\//:$port/}

echo "Building Tether ..."
# the quick start's own install line: with the tests skipped the build prepares no test server, so a JDK 17 is enough
"$root/mvnw" -q -f "$root/pom.xml" install -DskipTests

echo "Starting the demo on WildFly (the first run downloads WildFly from Maven Central) ..."
# wildfly:run packages the shop, starts WildFly and deploys the shop; its output passes through unchanged,
# and the URL is announced once WildFly reports the shop deployed.
"$root/mvnw" -q -f "$examples/shop/pom.xml" -Dmaven.test.skip=true \
    -Dwildfly.serverArgs=-Djboss.socket.binding.port-offset=$offset -Dwildfly.port=$((9990 + offset)) \
    "$@" wildfly:run | while IFS= read -r line; do
    printf '%s\n' "$line"
    case $line in
        *'WFLYSRV0010: Deployed "shop.war"'*) printf '\n%s\n\n' "$ready_line" ;;
    esac
done
