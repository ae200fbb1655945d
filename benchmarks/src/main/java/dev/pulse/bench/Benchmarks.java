package dev.pulse.bench;

import java.util.Arrays;

/** One jar, one benchmark per service: {@code ticker <ticker jar>} or {@code scrape <action-scrape jar> <python>}. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (which) {
            case "ticker" -> TickerBenchmark.main(rest);
            case "scrape" -> ScrapeBenchmark.main(rest);
            default -> {
                System.err.println("usage: benchmarks ticker <ticker jar> | scrape <action-scrape jar> <python with feedparser>");
                System.exit(2);
            }
        }
    }
}
