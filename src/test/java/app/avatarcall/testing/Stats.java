package app.avatarcall.testing;

import java.util.List;

/** Prints a benchmark's figures in one recognizable block. */
public final class Stats {

    private Stats() {
    }

    public static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public static void print(String what, String unit, List<Double> values) {
        System.out.printf("%n[bench] %s%n[bench]   runs=%d median=%.1f %s p90=%.1f %s min=%.1f max=%.1f%n", what,
                values.size(), percentile(values, 50), unit, percentile(values, 90), unit,
                values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    public static void line(String text) {
        System.out.println("[bench]   " + text);
    }
}
