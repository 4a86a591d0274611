/**
 * The command line (picocli): one command per user task. Calls into the domain packages
 * through the components {@link dev.hark.app.Hark} builds; holds no business logic.
 */
package dev.hark.cli;
