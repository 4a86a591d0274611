package dev.hark.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; elsewhere (a log,
 * CI) it prints a plain line at most every few seconds so logs stay short. Not thread-safe.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private final String title;
    private long lastPlain;
    private int lastLength;
    private boolean drawn;

    public ProgressBar(PrintStream out, boolean interactive, String title) {
        this.out = out;
        this.interactive = interactive;
        this.title = title;
    }

    /** Whether stderr looks like a terminal. */
    public static boolean terminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    /**
     * Shows {@code done} of {@code total}; with {@code fraction} for the work in flight (may be
     * NaN when unknown) and a label for what is being done now.
     */
    public void update(int done, int total, String label) {
        String line = render(done, total, label);
        if (interactive) {
            int pad = Math.max(0, lastLength - line.length());
            out.print("\r" + line + " ".repeat(pad));
            out.flush();
            lastLength = line.length();
            drawn = true;
        } else {
            long now = System.currentTimeMillis();
            if (now - lastPlain >= 5000) {
                out.println(line);
                lastPlain = now;
            }
        }
    }

    /** Ends the bar's line. */
    public void finish() {
        if (interactive && drawn) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }

    String render(int done, int total, String label) {
        double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder line = new StringBuilder();
        line.append(title).append(" [").append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                .append(done).append('/').append(total);
        if (label != null && !label.isBlank()) {
            String shown = label.length() > 40 ? label.substring(0, 39) + "…" : label;
            line.append("  ").append(shown);
        }
        return line.toString();
    }
}
