package org.dbchooser.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the client threads of an end-to-end run spent their time in Java code, from a JFR
 * recording of a peer's JVM:
 * each execution sample taken inside a unit of work is charged to the library of its
 * innermost frame outside the JDK (time in the JDK goes to the library that called it),
 * and the innermost such methods are listed. Samples taken in what the client does around
 * each call, untimed (b2's request context), are counted apart.
 *
 * <pre>
 * java "-Dbench.peer-jvm-options=-XX:StartFlightRecording=filename=/tmp/b2.jfr,settings=profile" \
 *      -Dbench.peers=b2 ... org.dbchooser.benchmarks.EndToEnd     (benchmarks/RESULTS.md has it whole)
 * java -cp benchmarks/target/benchmarks.jar org.dbchooser.benchmarks.ProfileSplit /tmp/b2.jfr [methods to list]
 * </pre>
 */
public final class ProfileSplit {

    /** Library by package prefix; the first that matches wins. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.dbchooser.impl.", "dbchooser (org.dbchooser.impl)");
        LIBRARIES.put("org.dbchooser.benchmarks.", "the benchmark's client");
        LIBRARIES.put("org.jboss.weld.", "Weld");
        LIBRARIES.put("org.hibernate.", "Hibernate");
        LIBRARIES.put("com.zaxxer.hikari.", "HikariCP");
        LIBRARIES.put("org.postgresql.", "PostgreSQL JDBC driver");
        LIBRARIES.put("org.apache.shardingsphere.", "ShardingSphere");
        LIBRARIES.put("org.springframework.", "Spring");
    }

    private static final String AROUND = "around the call, untimed (all libraries)";
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private ProfileSplit() {
    }

    public static void main(String[] args) throws IOException {
        int methodsToList = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.stream().noneMatch(f -> f.getMethod().getType().getName().equals(LoadRun.class.getName()))) {
                continue; // not a client thread in a unit of work
            }
            RecordedFrame charged = frames.stream().filter(f -> !isJdk(f)).findFirst().orElse(frames.get(0));
            String type = charged.getMethod().getType().getName();
            byLibrary.merge(frames.stream().anyMatch(ProfileSplit::isAroundTheCall) ? AROUND : library(type), 1,
                    Integer::sum);
            byMethod.merge(type + "." + charged.getMethod().getName(), 1, Integer::sum);
            total++;
        }
        System.out.printf("%d samples of client threads inside a unit of work%n%n", total);
        print(byLibrary, total, Integer.MAX_VALUE);
        System.out.println();
        print(byMethod, total, methodsToList);
    }

    private static boolean isAroundTheCall(RecordedFrame frame) {
        try {
            return UnitsOfWork.AroundEachCall.class.isAssignableFrom(Class.forName(frame.getMethod().getType().getName(),
                    false, ProfileSplit.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false; // a class of the recorded JVM that this one does not have: a lambda's, a proxy's
        }
    }

    private static boolean isJdk(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return JDK.stream().anyMatch(type::startsWith);
    }

    private static String library(String type) {
        return LIBRARIES.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other: " + type.substring(0, Math.max(0, type.lastIndexOf('.'))));
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("%5.1f %%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey()));
    }
}
