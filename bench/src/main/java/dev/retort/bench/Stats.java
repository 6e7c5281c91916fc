package dev.retort.bench;

import java.util.List;

/** Minimum and median of a few timed runs. */
record Stats(List<Double> samples) {

    Stats {
        samples = List.copyOf(samples);
    }

    static Stats of(List<Double> samples) {
        return new Stats(samples);
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double median() {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
