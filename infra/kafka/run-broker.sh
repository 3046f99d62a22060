#!/usr/bin/env bash
# Runs a real standalone Kafka broker (KRaft, broker+controller in one process) from opsflow's own
# jar, which carries the Kafka server: no Docker, no Kafka download, nothing resolved from the
# network. The jar is built once if it is missing (as ./opsflow does).
#
#   infra/kafka/run-broker.sh            # foreground; Ctrl-C stops it cleanly
#
# Environment:
#   OPSFLOW_KAFKA_LOG_DIR   where the broker keeps its log (default: $OPSFLOW_DATA_DIR/kafka-standalone,
#                           with OPSFLOW_DATA_DIR defaulting to ./data of the project)
#   BROKER_PORT, CONTROLLER_PORT   listeners on 127.0.0.1 (default 9092 and 9093)
#   OPSFLOW_CLASSPATH       run from this classpath instead of target/opsflow.jar
#   JAVA_OPTS               extra JVM options (default: -Xms256m -Xmx1g)
#
# Then point opsflow at it: OPSFLOW_KAFKA_BOOTSTRAP=127.0.0.1:9092 ./opsflow start
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
data_dir="${OPSFLOW_DATA_DIR:-$project/data}"
log_dir="${OPSFLOW_KAFKA_LOG_DIR:-$data_dir/kafka-standalone}"
broker_port="${BROKER_PORT:-9092}"
controller_port="${CONTROLLER_PORT:-9093}"
mkdir -p "$log_dir"
log_dir="$(cd "$log_dir" && pwd)"

classpath="${OPSFLOW_CLASSPATH:-}"
if [[ -z "$classpath" ]]; then
  classpath="$project/target/opsflow.jar"
  if [[ ! -f "$classpath" ]]; then
    echo "run-broker: building $classpath (first run)..." >&2
    (cd "$project" && mvn -q -B -DskipTests package) >&2
  fi
fi

# server.properties with log.dirs and the listeners' ports put in.
config="$log_dir/server.properties"
sed -e "s|^log\.dirs=.*|log.dirs=$log_dir/log|" \
  -e "s|127\.0\.0\.1:9092|127.0.0.1:$broker_port|g" \
  -e "s|127\.0\.0\.1:9093|127.0.0.1:$controller_port|g" \
  "$here/server.properties" > "$config"

java_opts=(${JAVA_OPTS:--Xms256m -Xmx1g})
java_opts+=("-Dlogback.configurationFile=$here/logback-broker.xml")

if [[ ! -f "$log_dir/log/meta.properties" ]]; then
  cluster_id="$(java -cp "$classpath" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)"
  echo "formatting $log_dir/log for new cluster $cluster_id" >&2
  java -cp "$classpath" "${java_opts[@]}" kafka.tools.StorageTool \
    format --standalone -t "$cluster_id" -c "$config" >&2
fi

exec java -cp "$classpath" "${java_opts[@]}" kafka.Kafka "$config"
