package dev.pulse.bench;

import java.util.Arrays;

/** One jar, one benchmark per service: {@code ticker}, {@code scrape}, {@code generate}, {@code send} or {@code tracker}, each with its service's jar. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (which) {
            case "ticker" -> TickerBenchmark.main(rest);
            case "scrape" -> ScrapeBenchmark.main(rest);
            case "generate" -> GenerateBenchmark.main(rest);
            case "send" -> SendBenchmark.main(rest);
            case "tracker" -> TrackerBenchmark.main(rest);
            default -> {
                System.err.println("usage: benchmarks ticker <ticker jar> | scrape <action-scrape jar> <python with feedparser> | generate <action-generate jar> | send <action-send jar> | tracker <scheduler-api jar>");
                System.exit(2);
            }
        }
    }
}
