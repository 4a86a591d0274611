package dev.hark.feed.internal;

/**
 * Picks the show notes: the richest (longest) of the candidate elements becomes the plain-text
 * description, and the HTML is kept alongside when there is any.
 *
 * @param plain plain text, or null
 * @param html  the chosen notes when they are HTML, else the first candidate that is; or null
 */
record Descriptions(String plain, String html) {

    private static final Descriptions NONE = new Descriptions(null, null);

    /**
     * @param candidates in order of preference when lengths are equal
     * @param fallback   used only when no candidate has a value (e.g. itunes:subtitle)
     */
    static Descriptions choose(RawValues values, Field fallback, Field... candidates) {
        String best = null;
        for (Field field : candidates) {
            String value = values.get(field);
            if (value != null && (best == null || value.length() > best.length())) {
                best = value;
            }
        }
        if (best == null) {
            best = values.get(fallback);
            if (best == null) {
                return NONE;
            }
        }
        String html = null;
        if (HtmlToText.looksLikeHtml(best)) {
            html = best;
        } else {
            for (Field field : candidates) {
                String value = values.get(field);
                if (value != null && HtmlToText.looksLikeHtml(value)) {
                    html = value;
                    break;
                }
            }
        }
        return new Descriptions(TextValues.clean(HtmlToText.toPlainText(best)), TextValues.clean(html));
    }
}
