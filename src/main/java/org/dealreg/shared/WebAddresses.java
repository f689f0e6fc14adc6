package org.dealreg.shared;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a website and an e-mail address must be (docs/input.md): a website is http or https (the scheme may be left
 * out) on a registrable domain name, with no user name in it; an e-mail address has a domain name after its "@".
 * A registrable domain name has at least two labels and ends in a top-level domain of letters, so "localhost",
 * "x" and IP addresses are not one: a customer or a company is named by its domain.
 */
public final class WebAddresses {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PATH = Pattern.compile("[^\\s\\p{Cc}]*");

    private WebAddresses() {
    }

    /** "https://www.globex.example/about", "globex.example" and "http://globex.example:8080" are websites. */
    public static boolean isWebsite(String typed) {
        if (typed == null) {
            return false;
        }
        String s = typed;
        var scheme = SCHEME.matcher(s);
        if (scheme.find()) {
            String name = s.substring(0, scheme.end() - 3).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                return false;
            }
            s = s.substring(scheme.end());
        }
        int pathAt = firstOf(s, "/?#");
        String authority = s.substring(0, pathAt);
        if (!PATH.matcher(s.substring(pathAt)).matches() || authority.contains("@")) {
            return false;
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            String port = authority.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                return false;
            }
            authority = authority.substring(0, colon);
        }
        return isRegistrableDomain(authority);
    }

    /** "buyer@globex.example" is an e-mail address; "a@b" and "a@localhost" are not. */
    public static boolean hasEmailDomain(String typed) {
        if (typed == null) {
            return false;
        }
        int at = typed.lastIndexOf('@');
        String domain = typed.substring(at + 1);
        return at > 0 && !domain.endsWith(".") && isRegistrableDomain(domain);
    }

    /** A domain name of two labels or more ending in a top-level domain of letters; IDN allowed. */
    public static boolean isRegistrableDomain(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String s = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            s = IDN.toASCII(s).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2 || s.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
