package dev.hark.feed.internal;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Entities;

/**
 * Named HTML character references. Feeds use {@code &nbsp;}, {@code &eacute;} and friends without
 * declaring them, which strict XML rejects; we resolve them instead. Values come from jsoup's
 * tables, so the whole HTML 5 set is known; the HTML 4 names, which cover nearly every real
 * feed, are also offered as a ready map for the XML parser.
 *
 * <p>Thread-safe: immutable tables.
 */
public final class HtmlEntities {

    /** The HTML 4 entity names except the ones XML predefines (amp, lt, gt, quot). */
    private static final String HTML4_NAMES = ""
            + "AElig Aacute Acirc Agrave Alpha Aring Atilde Auml Beta Ccedil Chi Dagger Delta ETH Eacute "
            + "Ecirc Egrave Epsilon Eta Euml Gamma Iacute Icirc Igrave Iota Iuml Kappa Lambda Mu Ntilde "
            + "Nu OElig Oacute Ocirc Ograve Omega Omicron Oslash Otilde Ouml Phi Pi Prime Psi Rho Scaron "
            + "Sigma THORN Tau Theta Uacute Ucirc Ugrave Upsilon Uuml Xi Yacute Yuml Zeta aacute acirc "
            + "acute aelig agrave alefsym alpha and ang aring asymp atilde auml bdquo beta brvbar bull "
            + "cap ccedil cedil cent chi circ clubs cong copy crarr cup curren dArr dagger darr deg "
            + "delta diams divide eacute ecirc egrave empty emsp ensp epsilon equiv eta eth euml euro "
            + "exist fnof forall frac12 frac14 frac34 frasl gamma ge hArr harr hearts hellip iacute "
            + "icirc iexcl igrave image infin int iota iquest isin iuml kappa lArr lambda lang laquo "
            + "larr lceil ldquo le lfloor lowast loz lrm lsaquo lsquo macr mdash micro middot minus mu "
            + "nabla nbsp ndash ne ni not notin nsub ntilde nu oacute ocirc oelig ograve oline omega "
            + "omicron oplus or ordf ordm oslash otilde otimes ouml para part permil perp phi pi piv "
            + "plusmn pound prime prod prop psi rArr radic rang raquo rarr rceil rdquo real reg rfloor "
            + "rho rlm rsaquo rsquo sbquo scaron sdot sect shy sigma sigmaf sim spades sub sube sum sup "
            + "sup1 sup2 sup3 supe szlig tau there4 theta thetasym thinsp thorn tilde times trade uArr "
            + "uacute uarr ucirc ugrave uml upsih upsilon uuml weierp xi yacute yen yuml zeta zwj zwnj ";

    private static final Map<String, String> HTML4 = buildHtml4();

    private HtmlEntities() {
    }

    /** The HTML 4 entities (plus {@code apos}) as name to replacement text, for Woodstox. */
    public static Map<String, String> html4() {
        return HTML4;
    }

    /**
     * The text a named reference stands for, e.g. {@code "hellip"} gives "…".
     *
     * @return null when HTML does not define the name
     */
    public static String lookup(String name) {
        String common = HTML4.get(name);
        if (common != null) {
            return common;
        }
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            default: break;
        }
        String value = Entities.getByName(name);
        return value.isEmpty() ? null : value;
    }

    private static Map<String, String> buildHtml4() {
        Map<String, String> map = new HashMap<>();
        for (String name : HTML4_NAMES.trim().split(" ")) {
            map.put(name, Entities.getByName(name));
        }
        map.put("apos", "'");
        return Map.copyOf(map);
    }
}
