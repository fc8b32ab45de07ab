#!/usr/bin/env bash
# Installs a WildFly for dbchooser's tests and demo: unpacks the distribution and adds
# the PostgreSQL driver and the two data sources an application routed by dbchooser
# needs, MicroProfile Health, where dbchooser's readiness check appears, and
# MicroProfile Telemetry, which exports its metrics (see the README, "On WildFly").
#
#   wildfly.sh install WILDFLY_DIST_ZIP POSTGRESQL_JAR TARGET_DIR
#
# Prints the WildFly home. Does nothing when TARGET_DIR already holds a WildFly
# configured by this script with the same configuration. The data sources read
# their URLs when WildFly starts:
# system property dbchooser.master.url, else environment variable DB_MASTER_URL, else
# jdbc:postgresql://127.0.0.1:5432/dbchooser (slave: dbchooser.slave.url, DB_SLAVE_URL,
# port 5433; a second standby: dbchooser.slave2.url, DB_SLAVE2_URL, port 5434; the master
# through a failover URL: dbchooser.master-failover.url, DB_MASTER_FAILOVER_URL, ports 5432
# and 5433 with targetServerType=primary); user and password: dbchooser.user / DB_USER and
# dbchooser.password / DB_PASSWORD, default dbchooser.
set -euo pipefail

action=${1:?usage: wildfly.sh install WILDFLY_DIST_ZIP POSTGRESQL_JAR TARGET_DIR}
[ "$action" = install ] || { echo "usage: wildfly.sh install WILDFLY_DIST_ZIP POSTGRESQL_JAR TARGET_DIR" >&2; exit 2; }
zip=${2:?WildFly distribution zip missing}
driver=${3:?PostgreSQL JDBC jar missing}
target=${4:?target folder missing}

name=$(basename "$zip" .zip)            # wildfly-dist-39.0.1.Final
home="$target/wildfly-${name#wildfly-dist-}"
marker="$home/.dbchooser-configured"

# Each data source: URL, user and password from a system property, else the
# environment, else the default; the pool settings are exactly the README's: a
# connection is validated when it is taken from the pool (validate-on-match), so one
# that died with a server that restarted is replaced, not handed out.
ds() { # name jndi key env default-url jta
  echo "data-source add --name=$1 --jndi-name=$2 --driver-name=postgresql --jta=$6 \
--connection-url=\"\${dbchooser.$3.url:\${env.$4:$5}}\" \
--user-name=\"\${dbchooser.user:\${env.DB_USER:dbchooser}}\" \
--password=\"\${dbchooser.password:\${env.DB_PASSWORD:dbchooser}}\" \
--valid-connection-checker-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker --validate-on-match=true --exception-sorter-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLExceptionSorter"
}

cli="$target/dbchooser-wildfly.cli"
cat >"$cli" <<CLI
embed-server --server-config=standalone.xml
module add --name=org.postgresql --resources=$driver --dependencies=java.sql,jakarta.transaction.api
/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql,driver-module-name=org.postgresql,driver-class-name=org.postgresql.Driver)
# The master: a JTA data source, enlisted in the container's transactions.
$(ds DbChooserMaster java:/jdbc/dbchooser-master master DB_MASTER_URL jdbc:postgresql://127.0.0.1:5432/dbchooser true)
# The slave: jta=false, so that slave reads never join a JTA transaction as a second resource.
$(ds DbChooserSlave java:/jdbc/dbchooser-slave slave DB_SLAVE_URL jdbc:postgresql://127.0.0.1:5433/dbchooser false)
# A second standby, in a data source of its own (db_chooser.slave-unit lists one unit per
# standby, so that dbchooser judges each on its own); unused by an application without it.
$(ds DbChooserSlave2 java:/jdbc/dbchooser-slave2 slave2 DB_SLAVE2_URL jdbc:postgresql://127.0.0.1:5434/dbchooser false)
# The master reached through whichever of the master and the first standby is the primary
# (the README's failover URL): writes go on after a promotion without a redeploy.
$(ds DbChooserMasterFailover java:/jdbc/dbchooser-master-failover master-failover DB_MASTER_FAILOVER_URL 'jdbc:postgresql://127.0.0.1:5432,127.0.0.1:5433/dbchooser?targetServerType=primary&hostRecheckSeconds=1' true)
# MicroProfile Health (standalone.xml lacks it): /health/ready on the management interface
# lists every deployment's readiness checks, dbchooser's among them. Unauthenticated, as
# a load balancer's or Kubernetes' probe asks it.
/extension=org.wildfly.extension.microprofile.health-smallrye:add
/subsystem=microprofile-health-smallrye:add(security-enabled=false)
# OpenTelemetry and MicroProfile Telemetry (standalone.xml lacks them too): an application that
# turns its SDK on (otel.sdk.disabled=false, in its MicroProfile Config) exports its metrics,
# dbchooser's among them, through the server's OpenTelemetry.
/extension=org.wildfly.extension.opentelemetry:add
/subsystem=opentelemetry:add
/extension=org.wildfly.extension.microprofile.telemetry:add
/subsystem=microprofile-telemetry:add
stop-embedded-server
CLI

# Already installed with this very configuration: nothing to do.
if [ -f "$marker" ] && cmp -s "$cli" "$marker"; then
  echo "$home"
  exit 0
fi
rm -rf "$home"
mkdir -p "$target"
unzip -q "$zip" -d "$target"
[ -d "$home" ] || { echo "wildfly.sh: $zip did not unpack to $home" >&2; exit 1; }
if ! out=$("$home/bin/jboss-cli.sh" --file="$cli" 2>&1); then
  echo "$out" >&2
  echo "wildfly.sh: configuring WildFly failed" >&2
  exit 1
fi
cp "$cli" "$marker"
echo "$home"
