/**
 * The operation model: one immutable record per schema change. The comparator emits them, the writer
 * renders them as Java calls, the runner executes them through a dialect, so what is generated is what
 * runs. Every operation that carries enough state knows its {@code reverse()}.
 */
package dev.retort.op;
