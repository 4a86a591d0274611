/**
 * Benchmarks that measure the real components end to end (the figures in closing notes).
 * Everything they fetch is served on loopback.
 */
package dev.hark.bench;
