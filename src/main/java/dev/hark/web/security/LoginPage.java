package dev.hark.web.security;

/**
 * The login form as one HTML string. No inline script or style, so it works under the
 * Content-Security-Policy; the hidden user name helps password managers, since Hark has a
 * single user. Pure.
 */
final class LoginPage {

    private LoginPage() {
    }

    /**
     * @param next    where to go after logging in, already made safe
     * @param message a sentence to show above the form, or null
     */
    static String render(String next, String message) {
        StringBuilder html = new StringBuilder(1200);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Log in · Hark</title>\n</head>\n<body>\n<main>\n<h1>Hark</h1>\n");
        if (message != null) {
            html.append("<p role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"/login\">\n")
                .append("<input type=\"hidden\" name=\"next\" value=\"").append(escape(next)).append("\">\n")
                .append("<input type=\"text\" name=\"username\" value=\"owner\" autocomplete=\"username\" hidden>\n")
                .append("<label for=\"password\">Password</label>\n")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" ")
                .append("required autofocus>\n")
                .append("<button type=\"submit\">Log in</button>\n</form>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
