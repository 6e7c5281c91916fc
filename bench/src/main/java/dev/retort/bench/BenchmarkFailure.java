package dev.retort.bench;

/** The benchmark cannot go on: a measured command failed or Retort reported a phantom difference. */
final class BenchmarkFailure extends RuntimeException {

    BenchmarkFailure(String message) {
        super(message);
    }
}
