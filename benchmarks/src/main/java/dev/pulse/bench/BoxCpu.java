package dev.pulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU counters (/proc/stat, Linux only): whether a run was bound by the cores
 * (busy near 100 %) or by waiting, and how much the hypervisor took (steal).
 */
record BoxCpu(long busy, long steal, long total) {

    static BoxCpu now() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
            return new BoxCpu(total - idle - steal, steal, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent of every core's time since {@code before} spent running something (steal not counted). */
    int busyPercentSince(BoxCpu before) {
        long elapsed = total - before.total;
        return elapsed == 0 ? 0 : (int) Math.round(100.0 * (busy - before.busy) / elapsed);
    }

    int stealPercentSince(BoxCpu before) {
        long elapsed = total - before.total;
        return elapsed == 0 ? 0 : (int) Math.round(100.0 * (steal - before.steal) / elapsed);
    }
}
