#!/usr/bin/env bash
# Builds Tether from this checkout and runs the demo shop on WildFly in the foreground; Ctrl+C stops it.
# The sessions live in an H2 file under examples/shop/target/wildfly-*/standalone/data, so they survive a
# stop and start (but not `mvnw clean` of the demo).
set -euo pipefail

examples=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$examples")
ready_line="The demo shop is ready: http://127.0.0.1:8080/shop/"

echo "Building Tether ..."
"$root/mvnw" -q -f "$root/pom.xml" install -DskipTests

echo "Starting the demo on WildFly (the first run downloads WildFly from Maven Central) ..."
# wildfly:run packages the shop, starts WildFly and deploys the shop; its output passes through unchanged,
# and the URL is announced once WildFly reports the shop deployed.
"$root/mvnw" -q -f "$examples/shop/pom.xml" -Dmaven.test.skip=true "$@" wildfly:run | while IFS= read -r line; do
    printf '%s\n' "$line"
    case $line in
        *'WFLYSRV0010: Deployed "shop.war"'*) printf '\n%s\n\n' "$ready_line" ;;
    esac
done
