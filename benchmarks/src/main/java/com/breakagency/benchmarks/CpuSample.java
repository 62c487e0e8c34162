package com.breakagency.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine's CPU time at one moment, from {@code /proc}: every core's ticks (1/100 s) by kind, and each
 * live process's user and system ticks. Two samples say who used the CPU in between: this JVM, PostgreSQL
 * (processes named {@code postgres}), pgbench, kernel threads (disk writeback and the like, part of the
 * work measured), and everyone else, the last being what disturbs a measurement. A process that ended between the samples is missed, so "everyone else" is a lower bound.
 * Empty where there is no {@code /proc}.
 */
record CpuSample(long totalTicks, long idleTicks, long iowaitTicks, long stealTicks, Map<Integer, Process> processes) {

    /** One process's name, whether it is a kernel thread, and its CPU ticks so far. */
    record Process(String name, boolean kernel, long ticks) {
    }

    private static final Path PROC = Path.of("/proc");
    private static final long SELF = ProcessHandle.current().pid();
    private static final long PF_KTHREAD = 0x00200000L;

    static CpuSample take() {
        Path stat = PROC.resolve("stat");
        if (!Files.exists(stat)) {
            return new CpuSample(0, 0, 0, 0, Map.of());
        }
        try {
            String[] cpu = Files.readAllLines(stat).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            Map<Integer, Process> processes = new HashMap<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
                for (Path dir : dirs) {
                    try {
                        String line = Files.readString(dir.resolve("stat"));
                        String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        // fields 14 and 15 of the stat line (utime, stime) are the 12th and 13th after the name
                        // field 9 (flags) is the 7th after the name; PF_KTHREAD marks a kernel thread
                        boolean kernel = (Long.parseLong(rest[6]) & PF_KTHREAD) != 0;
                        processes.put(Integer.parseInt(dir.getFileName().toString()),
                                new Process(name, kernel, Long.parseLong(rest[11]) + Long.parseLong(rest[12])));
                    } catch (IOException | RuntimeException gone) {
                        // the process ended while we looked
                    }
                }
            }
            return new CpuSample(total, Long.parseLong(cpu[4]), Long.parseLong(cpu[5]), Long.parseLong(cpu[8]),
                    processes);
        } catch (IOException e) {
            return new CpuSample(0, 0, 0, 0, Map.of());
        }
    }

    /**
     * Who used the machine between this sample and a later one, in per mille of all cores' time: {@code
     * busy} (neither idle, waiting for I/O nor stolen), {@code iowait}, {@code steal}, {@code jvm},
     * {@code postgres}, {@code pgbench}, {@code kernel}, {@code others}.
     */
    Map<String, Long> sharesUntil(CpuSample later) {
        Map<String, Long> shares = new LinkedHashMap<>();
        long total = later.totalTicks - totalTicks;
        if (total <= 0) {
            return shares;
        }
        long idle = later.idleTicks - idleTicks;
        long iowait = later.iowaitTicks - iowaitTicks;
        long steal = later.stealTicks - stealTicks;
        Map<String, Long> byOwner = new HashMap<>();
        for (Map.Entry<Integer, Process> entry : later.processes.entrySet()) {
            Process before = processes.get(entry.getKey());
            boolean same = before != null && before.name().equals(entry.getValue().name());
            long used = entry.getValue().ticks() - (same ? before.ticks() : 0);
            byOwner.merge(owner(entry.getKey(), entry.getValue()), used, Long::sum);
        }
        shares.put("busy", perMille(total - idle - iowait - steal, total));
        shares.put("iowait", perMille(iowait, total));
        shares.put("steal", perMille(steal, total));
        for (String owner : new String[] {"jvm", "postgres", "pgbench", "kernel", "others"}) {
            shares.put(owner, perMille(byOwner.getOrDefault(owner, 0L), total));
        }
        return shares;
    }

    /** The user-space processes of "everyone else" that used the most CPU until a later sample, such as {@code java 12%, kworker/1:2H 3%}. */
    String busiestOthers(CpuSample later, int n) {
        long total = later.totalTicks - totalTicks;
        if (total <= 0) {
            return "";
        }
        Map<String, Long> byName = new HashMap<>();
        for (Map.Entry<Integer, Process> entry : later.processes.entrySet()) {
            if (!owner(entry.getKey(), entry.getValue()).equals("others")) {
                continue;
            }
            Process before = processes.get(entry.getKey());
            boolean same = before != null && before.name().equals(entry.getValue().name());
            byName.merge(entry.getValue().name(), entry.getValue().ticks() - (same ? before.ticks() : 0), Long::sum);
        }
        return byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f%%", e.getKey(), e.getValue() * 100.0 / total))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private static String owner(int pid, Process process) {
        String name = process.name();
        if (pid == SELF) {
            return "jvm";
        }
        if (process.kernel()) {
            return "kernel";
        }
        if (name.startsWith("postgres")) {
            return "postgres";
        }
        return name.equals("pgbench") ? "pgbench" : "others";
    }

    private static long perMille(long part, long whole) {
        return Math.round(part * 1000.0 / whole);
    }
}
