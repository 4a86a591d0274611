/**
 * The composition root: reads the configuration, builds every component once and wires
 * them by hand. Nothing else constructs long-lived components.
 */
package dev.hark.app;
