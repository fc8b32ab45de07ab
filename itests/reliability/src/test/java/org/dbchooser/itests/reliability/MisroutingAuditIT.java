package org.dbchooser.itests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.databases.StatementLog;
import org.dbchooser.itests.reliability.Catalogue.Answer;
import org.junit.jupiter.api.Test;

/**
 * A mixed concurrent load through the example application on WildFly, then the
 * servers' own statement logs account for every statement the load caused: no write
 * reached the standby, and no statement of a GET reached the master except those the
 * configured override ({@code db_chooser.master=GET /api/short/create}) sends there.
 * Every request kind leaves statements of its own shape, so counting each shape on
 * each server against the requests answered proves where each request ran.
 */
class MisroutingAuditIT extends OnServer {

    private static final int CLIENTS = 8;
    private static final long LOAD_MILLIS = 15_000;
    private static final int SEED_LAYERS = 5;

    /** What the load sends; the share of each is its weight in percent. */
    enum Call {
        LIST_LAYERS(26), GET_LAYER(14), LIST_POIS(10), HEAD_LAYERS(5), RESOLVE_SHORT(5), PRINT_REPORT(6),
        CREATE_LAYER(8), UPDATE_LAYER(8), ADD_POI(7), DELETE_LAYER(4), CREATE_SHORT(7);

        final int weight;

        Call(int weight) {
            this.weight = weight;
        }
    }

    /** The shape of a statement, from its SQL as the server logged it. */
    enum Shape {
        LAYER_LIST("select .* from layer \\w+ order by .*"),
        LAYER_FIND("select .* from layer \\w+ where \\w+\\.id=\\$1"),
        POI_LIST("select .* from poi \\w+ where \\w+\\.layer_id=\\$1 order by .*"),
        SHORT_RESOLVE("select .* from shorturl \\w+ where \\w+\\.code=\\$1"),
        LAYER_COUNT("select count\\(.*\\) from layer \\w+"),
        POI_COUNT("select count\\(.*\\) from poi \\w+"),
        RECOVERY_CHECK("select pg_is_in_recovery\\(\\)"),
        LAYER_INSERT("insert into layer .*"),
        POI_INSERT("insert into poi .*"),
        SHORT_INSERT("insert into shorturl .*"),
        LAYER_UPDATE("update layer .*"),
        LAYER_DELETE("delete from layer .*"),
        POI_DELETE("delete from poi .*"),
        TRANSACTION("begin|commit|rollback"),
        /** what the driver and the pool send when they open a connection */
        CONNECTION_SETUP("set application_name = .*|show transaction isolation level"),
        /** dbchooser's replica monitor */
        HEALTH_PROBE("select (pg_current_wal_lsn|pg_is_in_recovery\\(\\), pg_last_wal_replay_lsn)\\(.*"),
        /** WildFly's connection checker sends an empty statement */
        CONNECTION_CHECK(""),
        UNKNOWN(".*");

        final Pattern sql;

        Shape(String regex) {
            this.sql = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        }

        static Shape of(String sql) {
            for (Shape shape : values()) {
                if (shape.sql.matcher(sql).matches()) {
                    return shape;
                }
            }
            throw new AssertionError("unreachable: UNKNOWN matches everything");
        }
    }

    @Test
    void everyStatementRanOnTheServerItsRequestWasRoutedTo() throws Exception {
        Catalogue app = app();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < SEED_LAYERS; i++) {
            Answer created = app.send("POST", "layers", Catalogue.layer("seed " + i));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            seeds.add(Catalogue.id(created));
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(Catalogue.code(app.send("GET", "short/create?url=https://example.org/" + i, null)));
        }
        Databases.waitForStandby();

        Map<Call, AtomicLong> answered = new EnumMap<>(Call.class);
        for (Call call : Call.values()) {
            answered.put(call, new AtomicLong());
        }
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<List<Long>> ownLayers = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            ownLayers.add(new ArrayList<>());
        }

        StatementLog logs = new StatementLog();
        try (Connection master = Databases.master(); Connection standby = Databases.standby()) {
            logs.begin(master);
            logs.begin(standby);
            try (Load load = new Load()) {
                load.start(CLIENTS, thread -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Call call = pick(random.nextInt(100));
                    List<Long> own = ownLayers.get(thread);
                    if (own.isEmpty() && (call == Call.UPDATE_LAYER || call == Call.ADD_POI || call == Call.DELETE_LAYER)) {
                        call = Call.CREATE_LAYER; // nothing of its own to change yet
                    }
                    long seed = seeds.get(random.nextInt(seeds.size()));
                    String name = "t" + thread + "-" + random.nextInt(1_000_000);
                    Answer answer = switch (call) {
                        case LIST_LAYERS -> app.send("GET", "layers", null);
                        case GET_LAYER -> app.send("GET", "layers/" + seed, null);
                        case LIST_POIS -> app.send("GET", "layers/" + seed + "/pois", null);
                        case HEAD_LAYERS -> app.send("HEAD", "layers", null);
                        case RESOLVE_SHORT -> app.send("GET", "short/" + codes.get(random.nextInt(codes.size())), null);
                        case PRINT_REPORT -> app.send("POST", "printproxy/report", null);
                        case CREATE_LAYER -> app.send("POST", "layers", Catalogue.layer(name));
                        case UPDATE_LAYER -> app.send("PUT", "layers/" + own.get(random.nextInt(own.size())), Catalogue.layer(name));
                        case ADD_POI -> app.send("POST", "layers/" + own.get(random.nextInt(own.size())) + "/pois", Catalogue.poi(name));
                        case DELETE_LAYER -> app.send("DELETE", "layers/" + own.remove(own.size() - 1), null);
                        case CREATE_SHORT -> app.send("GET", "short/create?url=https://example.org/" + name, null);
                    };
                    int expected = switch (call) {
                        case CREATE_LAYER, ADD_POI -> 201;
                        case DELETE_LAYER -> 204;
                        default -> 200;
                    };
                    if (!answer.is(expected)) {
                        unexpected.add(call + " -> " + answer);
                        return;
                    }
                    if (call == Call.CREATE_LAYER) {
                        own.add(Catalogue.id(answer));
                    }
                    if (call == Call.PRINT_REPORT && !Catalogue.servedBy(answer).equals("slave")) {
                        unexpected.add(call + " ran on the master: " + answer);
                    }
                    answered.get(call).incrementAndGet();
                });
                Thread.sleep(LOAD_MILLIS);
                load.stop();
            }
            logs.end(master);
            logs.end(standby);
        }

        assertThat(unexpected).as("requests answered otherwise than expected").isEmpty();
        Map<Shape, Long> onMaster = shapes(logs.between(BuildDatabases.log("master")), "master");
        Map<Shape, Long> onStandby = shapes(logs.between(BuildDatabases.log("standby1")), "standby");
        long total = answered.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("misrouting audit: %d requests from %d clients in %d s (%s)%n  master ran %s%n  standby ran %s%n",
                total, CLIENTS, LOAD_MILLIS / 1000, answered, onMaster, onStandby);

        // enough traffic for the counts below to mean something: every kind of request ran, many times
        assertThat(answered).allSatisfy((call, count) -> assertThat(count.get()).as("%s requests answered", call)
                .isGreaterThanOrEqualTo(20));
        assertThat(total).as("requests answered in all").isGreaterThanOrEqualTo(1_000);

        // the master ran the writes, and of the reads only those of the requests that write
        assertThat(count(onMaster, Shape.LAYER_FIND)).as("layer lookups on the master (PUT, DELETE, POST .../pois)")
                .isEqualTo(n(answered, Call.UPDATE_LAYER) + n(answered, Call.DELETE_LAYER) + n(answered, Call.ADD_POI));
        assertThat(count(onMaster, Shape.LAYER_INSERT)).isEqualTo(n(answered, Call.CREATE_LAYER));
        assertThat(count(onMaster, Shape.LAYER_UPDATE)).isEqualTo(n(answered, Call.UPDATE_LAYER));
        assertThat(count(onMaster, Shape.LAYER_DELETE)).isEqualTo(n(answered, Call.DELETE_LAYER));
        assertThat(count(onMaster, Shape.POI_DELETE)).isEqualTo(n(answered, Call.DELETE_LAYER));
        assertThat(count(onMaster, Shape.POI_INSERT)).isEqualTo(n(answered, Call.ADD_POI));
        assertThat(count(onMaster, Shape.SHORT_INSERT)).as("the GET the master pattern keeps on the master")
                .isEqualTo(n(answered, Call.CREATE_SHORT));
        for (Shape read : List.of(Shape.LAYER_LIST, Shape.POI_LIST, Shape.SHORT_RESOLVE, Shape.LAYER_COUNT, Shape.POI_COUNT,
                Shape.RECOVERY_CHECK)) {
            assertThat(count(onMaster, read)).as("statements of GETs (and of the print proxy's POST) on the master: " + read)
                    .isZero();
        }

        // the standby ran every read of the requests routed to it, once each, and nothing else
        assertThat(count(onStandby, Shape.LAYER_LIST)).isEqualTo(n(answered, Call.LIST_LAYERS) + n(answered, Call.HEAD_LAYERS));
        assertThat(count(onStandby, Shape.LAYER_FIND)).isEqualTo(n(answered, Call.GET_LAYER));
        assertThat(count(onStandby, Shape.POI_LIST)).isEqualTo(n(answered, Call.LIST_POIS));
        assertThat(count(onStandby, Shape.SHORT_RESOLVE)).isEqualTo(n(answered, Call.RESOLVE_SHORT));
        for (Shape printReport : List.of(Shape.LAYER_COUNT, Shape.POI_COUNT, Shape.RECOVERY_CHECK)) {
            assertThat(count(onStandby, printReport)).as("the POST the slave pattern sends to the slave: " + printReport)
                    .isEqualTo(n(answered, Call.PRINT_REPORT));
        }
        for (Shape write : List.of(Shape.LAYER_INSERT, Shape.LAYER_UPDATE, Shape.LAYER_DELETE, Shape.POI_INSERT,
                Shape.POI_DELETE, Shape.SHORT_INSERT)) {
            assertThat(count(onStandby, write)).as("writes on the standby: " + write).isZero();
        }
    }

    private static Call pick(int percent) {
        int bound = 0;
        for (Call call : Call.values()) {
            bound += call.weight;
            if (percent < bound) {
                return call;
            }
        }
        throw new IllegalStateException("the weights add up to " + bound + ", not 100");
    }

    /** How many statements of each shape the server ran; fails on an error or a statement of no known shape. */
    private static Map<Shape, Long> shapes(List<StatementLog.Entry> entries, String server) {
        Map<Shape, Long> counts = new EnumMap<>(Shape.class);
        List<String> problems = new ArrayList<>();
        for (StatementLog.Entry entry : entries) {
            if (entry.level().equals("ERROR") || entry.level().equals("FATAL")) {
                problems.add(entry.toString());
            }
            String sql = entry.sql();
            if (sql != null) {
                Shape shape = Shape.of(sql);
                if (shape == Shape.UNKNOWN) {
                    problems.add(entry.toString());
                }
                counts.merge(shape, 1L, Long::sum);
            }
        }
        assertThat(problems).as("errors and statements of no known shape on the " + server).isEmpty();
        return counts;
    }

    private static long count(Map<Shape, Long> counts, Shape shape) {
        return counts.getOrDefault(shape, 0L);
    }

    private static long n(Map<Call, AtomicLong> answered, Call call) {
        return answered.get(call).get();
    }
}
