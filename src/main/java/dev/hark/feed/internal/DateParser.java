package dev.hark.feed.internal;

/**
 * Reads the dates feeds actually contain into Unix seconds: RFC 822/1123 with the usual damage
 * (missing or wrong day name, two-digit years, named or unsigned zones, missing seconds, month
 * before day) and ISO 8601 / RFC 3339. A date without a zone is read as UTC.
 *
 * <p>Hand-written rather than {@code DateTimeFormatter}: it runs once per item, must not throw on
 * junk, and has to accept far more than any one pattern.
 *
 * <p>Thread-safe: stateless.
 */
public final class DateParser {

    private static final int NO_ZONE = ZoneAbbreviations.UNKNOWN;

    private DateParser() {
    }

    /** Unix seconds, or null when the text is not a date we can read. */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() >= 8 && isDigit(s, 0) && isDigit(s, 1) && isDigit(s, 2) && isDigit(s, 3)
                && s.charAt(4) == '-') {
            return parseIso(s);
        }
        return parseRfc(s);
    }

    /** {@code yyyy-mm-dd[(T| )hh:mm[:ss[.fff]]][ ][Z|±hh[:mm]|name]}. */
    private static Long parseIso(String s) {
        Cursor c = new Cursor(s);
        int year = c.number(4);
        if (!c.skip('-')) {
            return null;
        }
        int month = c.number(2);
        if (!c.skip('-')) {
            return null;
        }
        int day = c.number(2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (c.skip('T') || c.skip('t') || c.skip(' ')) {
            hour = c.number(2);
            if (!c.skip(':')) {
                return null;
            }
            minute = c.number(2);
            if (c.skip(':')) {
                second = c.number(2);
                if (c.skip('.') || c.skip(',')) {
                    c.digits();
                }
            }
        }
        while (c.skip(' ')) {
            // zones are sometimes separated by a space
        }
        int offset = c.atEnd() ? 0 : c.zone();
        if (offset == NO_ZONE) {
            offset = 0;
        }
        return toEpoch(year, month, day, hour, minute, second, offset);
    }

    /** Token soup: picks out month name, day, year, time and zone wherever they appear. */
    private static Long parseRfc(String s) {
        int day = -1;
        int month = -1;
        int year = -1;
        int hour = -1;
        int minute = 0;
        int second = 0;
        int offset = NO_ZONE;
        boolean pm = false;
        boolean am = false;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char ch = s.charAt(i);
            if (isLetter(ch)) {
                int start = i;
                while (i < n && isLetter(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                int m = month < 0 ? monthOf(word) : -1;
                if (m > 0) {
                    month = m;
                } else if (word.equalsIgnoreCase("pm")) {
                    pm = true;
                } else if (word.equalsIgnoreCase("am")) {
                    am = true;
                } else if (hour >= 0 && offset == NO_ZONE) {
                    offset = ZoneAbbreviations.offsetSeconds(word);
                    if (offset != NO_ZONE && i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        Cursor c = new Cursor(s, i); // "GMT+01:00"
                        int extra = c.zone();
                        if (extra != NO_ZONE) {
                            offset += extra;
                            i = c.pos;
                        }
                    }
                }
            } else if (isDigit(ch)) {
                int start = i;
                int value = 0;
                while (i < n && isDigit(s.charAt(i)) && i - start < 9) {
                    value = value * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int digits = i - start;
                if (i < n && s.charAt(i) == ':' && hour < 0) {
                    Cursor c = new Cursor(s, i + 1);
                    hour = value;
                    minute = c.number(2);
                    if (c.skip(':')) {
                        second = c.number(2);
                        if (c.skip('.') || c.skip(',')) {
                            c.digits();
                        }
                    }
                    i = c.pos;
                } else if (digits >= 3) {
                    if (year < 0 && digits == 4) {
                        year = value;
                    } else if (hour >= 0 && offset == NO_ZONE && digits == 4) {
                        offset = (value / 100) * 3600 + (value % 100) * 60; // zone without a sign
                    }
                } else if (day < 0) {
                    day = value;
                } else if (year < 0) {
                    year = value < 50 ? 2000 + value : 1900 + value;
                }
            } else if ((ch == '+' || ch == '-') && hour >= 0 && offset == NO_ZONE
                    && i + 1 < n && isDigit(s.charAt(i + 1))) {
                Cursor c = new Cursor(s, i);
                offset = c.zone();
                i = c.pos;
            } else {
                i++;
            }
        }
        if (day < 0 || month < 0 || year < 0) {
            return null;
        }
        if (hour < 0) {
            hour = 0;
        } else if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        return toEpoch(year, month, day, hour, minute, second, offset == NO_ZONE ? 0 : offset);
    }

    private static Long toEpoch(int year, int month, int day, int hour, int minute, int second, int offset) {
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        long days = daysFromCivil(year, month, day);
        return days * 86_400L + hour * 3600L + minute * 60L + Math.min(second, 59) - offset;
    }

    /** Days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int monthOf(String word) {
        if (word.length() < 3) {
            return -1;
        }
        char a = Character.toLowerCase(word.charAt(0));
        char b = Character.toLowerCase(word.charAt(1));
        char c = Character.toLowerCase(word.charAt(2));
        return switch ("" + a + b + c) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may", "mai" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct", "okt" -> 10;
            case "nov" -> 11;
            case "dec", "dez" -> 12;
            default -> -1;
        };
    }

    private static boolean isDigit(String s, int i) {
        return isDigit(s.charAt(i));
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /** A read position in a date string; number() gives -1 when no digit is there. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this(s, 0);
        }

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        boolean skip(char ch) {
            if (pos < s.length() && s.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        int number(int maxDigits) {
            int value = 0;
            int start = pos;
            while (pos < s.length() && pos - start < maxDigits && isDigit(s.charAt(pos))) {
                value = value * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            return pos == start ? -1 : value;
        }

        void digits() {
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
        }

        /** {@code Z}, {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm} or a zone name. */
        int zone() {
            if (atEnd()) {
                return NO_ZONE;
            }
            char sign = s.charAt(pos);
            if (sign != '+' && sign != '-') {
                int start = pos;
                while (pos < s.length() && isLetter(s.charAt(pos))) {
                    pos++;
                }
                return pos == start ? NO_ZONE : ZoneAbbreviations.offsetSeconds(s.substring(start, pos));
            }
            pos++;
            int start = pos;
            int hhmm = number(4);
            if (hhmm < 0) {
                return NO_ZONE;
            }
            int hours;
            int minutes;
            if (pos - start <= 2) {
                hours = hhmm;
                minutes = skip(':') ? Math.max(number(2), 0) : 0;
            } else {
                hours = hhmm / 100;
                minutes = hhmm % 100;
            }
            int seconds = hours * 3600 + minutes * 60;
            return sign == '-' ? -seconds : seconds;
        }
    }
}
