package org.dbchooser.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link PeerProcess} seen from {@link EndToEnd}: started, sent runs, stopped. What it prints is passed on. */
final class ForkedPeer implements AutoCloseable {

    private final String key;
    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;

    private ForkedPeer(String key, Process process) {
        this.key = key;
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the peer's JVM and waits until it has wired the peer and checked its routing. */
    static ForkedPeer start(String key, Settings settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.peerJvmOptions());
        command.addAll(settings.forPeerJvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PeerProcess.class.getName(), key));
        ForkedPeer peer = new ForkedPeer(key, new ProcessBuilder(command).redirectError(Redirect.INHERIT).start());
        peer.answerAfter(PeerProcess.READY);
        return peer;
    }

    /** Runs a workload for a while; round 0 is a warm-up. */
    ResultRow run(Workload workload, Duration duration, int round) throws IOException {
        commands.write("run " + workload.name() + " " + duration.toSeconds() + " " + round + "\n");
        commands.flush();
        return ResultRow.parse(answerAfter(PeerProcess.RESULT));
    }

    /** Passes on what the peer prints until a line that starts with {@code prefix}, and returns the rest of that line. */
    private String answerAfter(String prefix) throws IOException {
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            System.out.println(line);
        }
        throw new IllegalStateException("peer (" + key + ") stopped (exit " + exitValue() + "); its output is above");
    }

    private String exitValue() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            commands.write("quit\n");
            commands.flush();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
