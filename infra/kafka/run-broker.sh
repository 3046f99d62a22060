#!/usr/bin/env bash
# Runs a real standalone Kafka broker (KRaft, broker+controller in one process) from the
# Maven Central jars the opsflow pom already depends on: no Docker, no Kafka download.
#
#   infra/kafka/run-broker.sh            # foreground; Ctrl-C stops it cleanly
#
# Environment:
#   OPSFLOW_KAFKA_LOG_DIR   where the broker keeps its log (default: $OPSFLOW_DATA_DIR/kafka-standalone,
#                           with OPSFLOW_DATA_DIR defaulting to ./data of the project)
#   JAVA_OPTS               extra JVM options (default: -Xms256m -Xmx1g)
#
# Then point opsflow at it: OPSFLOW_KAFKA_BOOTSTRAP=127.0.0.1:9092 ./opsflow start
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
data_dir="${OPSFLOW_DATA_DIR:-$project/data}"
log_dir="${OPSFLOW_KAFKA_LOG_DIR:-$data_dir/kafka-standalone}"
mkdir -p "$log_dir"
log_dir="$(cd "$log_dir" && pwd)"

# The runtime classpath of the project (kafka_2.13 and its dependencies), resolved once.
cp_file="$project/target/kafka-broker.classpath"
if [[ ! -s "$cp_file" || "$project/pom.xml" -nt "$cp_file" ]]; then
  mkdir -p "$project/target"
  mvn -q -f "$project/pom.xml" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$cp_file" >&2
fi
classpath="$(cat "$cp_file")"

# server.properties with log.dirs pointing at the chosen directory.
config="$log_dir/server.properties"
sed -e "s|^log\.dirs=.*|log.dirs=$log_dir/log|" "$here/server.properties" > "$config"

java_opts=(${JAVA_OPTS:--Xms256m -Xmx1g})
java_opts+=("-Dlogback.configurationFile=$here/logback-broker.xml")

if [[ ! -f "$log_dir/log/meta.properties" ]]; then
  cluster_id="$(java -cp "$classpath" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)"
  echo "formatting $log_dir/log for new cluster $cluster_id" >&2
  java -cp "$classpath" "${java_opts[@]}" kafka.tools.StorageTool \
    format --standalone -t "$cluster_id" -c "$config" >&2
fi

exec java -cp "$classpath" "${java_opts[@]}" kafka.Kafka "$config"
