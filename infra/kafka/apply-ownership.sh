#!/usr/bin/env bash
# Applies infra/kafka/ownership.tsv to a broker with Kafka's own tools, signed in as the broker's super user
# (SASL/PLAIN on the broker's own listener): a SCRAM-SHA-512 credential for every principal the table names, with
# the password <PRINCIPAL>_KAFKA_PASSWORD gives (book-catalog-service: BOOK_CATALOG_SERVICE_KAFKA_PASSWORD), and an
# ACL for everything the table grants. docker-compose runs it once the broker is healthy; the local stack and the
# tests apply the same table in Java (org.library.infrastructure.KafkaOwnership), and ComposeFileTest checks that
# both read it alike.
#
#   apply-ownership.sh HOST:PORT           apply the table
#   apply-ownership.sh --check HOST:PORT   only check that the broker answers the super user (compose's health check)
#
# It adds what the table grants; an ACL taken out of the table stays on a broker that has it until removed with
# kafka-acls.sh --remove (the local stack's broker removes it by itself).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${KAFKA_BIN:-/opt/kafka/bin}"
check=false
if [ "${1:-}" = "--check" ]; then
  check=true
  shift
fi
bootstrap="${1:?usage: apply-ownership.sh [--check] HOST:PORT}"

config="$(mktemp)"
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="library-broker" password="${KAFKA_BROKER_PASSWORD:?KAFKA_BROKER_PASSWORD is not set}";
PROPERTIES
admin=(--bootstrap-server "$bootstrap" --command-config "$config")

if $check; then
  "$bin/kafka-broker-api-versions.sh" "${admin[@]}" > /dev/null
  exit 0
fi

lines="$(grep -v '^[[:space:]]*#' "$here/ownership.tsv" | awk 'NF > 0')"

# every principal once, in the order the table first names it; one given no password (library-benchmark, which only
# the local stack's benchmark uses) gets no credential and cannot sign in
for principal in $(awk '!seen[$1]++ { print $1 }' <<< "$lines"); do
  variable="$(tr 'a-z-' 'A-Z_' <<< "$principal")_KAFKA_PASSWORD"
  password="${!variable:-}"
  if [ -z "$password" ]; then
    echo "no $variable: $principal cannot sign in" >&2
    continue
  fi
  "$bin/kafka-configs.sh" "${admin[@]}" --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=4096,password=$password]"
done

while read -r principal may resource; do
  case "$may" in
    write) operations=(--operation Create --operation Describe --operation Write) ;;
    read | join) operations=(--operation Describe --operation Read) ;;
    *) echo "ownership.tsv: unknown access $may" >&2; exit 1 ;;
  esac
  kind="${resource%%:*}"
  name="${resource#*:}"
  case "$kind" in
    topic) target=(--topic "$name" --resource-pattern-type literal) ;;
    topic-prefix) target=(--topic "$name" --resource-pattern-type prefixed) ;;
    group) target=(--group "$name" --resource-pattern-type literal) ;;
    group-prefix) target=(--group "$name" --resource-pattern-type prefixed) ;;
    *) echo "ownership.tsv: unknown resource $resource" >&2; exit 1 ;;
  esac
  "$bin/kafka-acls.sh" "${admin[@]}" --add --allow-principal "User:$principal" "${operations[@]}" "${target[@]}"
done <<< "$lines"
