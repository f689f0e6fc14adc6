package org.dealreg.shared;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings the ways a customer is written down to one form (DESIGN.md §6), so that "Société Générale S.A."
 * and "societe generale" compare equal, and so do https://www.Globex.example/about and
 * buyer@globex.example.
 */
public final class CustomerNormaliser {

    /** Legal forms, English and French first; dropped at the start or the end of a name. */
    static final Set<String> LEGAL_FORMS = Set.of(
            "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "plc", "lp", "llp",
            "sa", "sas", "sasu", "sarl", "eurl", "snc", "sca", "sci", "se", "gmbh", "ag", "kg", "bv", "nv", "spa", "srl",
            "sl", "ab", "as", "oy", "kk", "pty", "pte", "bhd");

    /** Mail providers whose domain says nothing about the customer. */
    static final Set<String> FREE_MAIL = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "yahoo.co.uk", "ymail.com", "outlook.com", "outlook.fr",
            "hotmail.com", "hotmail.fr", "live.com", "live.fr", "msn.com", "aol.com", "icloud.com", "me.com", "mac.com",
            "proton.me", "protonmail.com", "gmx.com", "gmx.fr", "gmx.net", "mail.com", "yandex.com", "zoho.com",
            "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "bbox.fr", "laposte.net");

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern JOINING = Pattern.compile("[.'’`]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private CustomerNormaliser() {
    }

    public static String name(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        s = DIACRITICS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        s = JOINING.matcher(s).replaceAll("");
        s = NOT_WORD.matcher(s).replaceAll(" ").trim();
        if (s.isEmpty()) {
            return s;
        }
        List<String> words = new ArrayList<>(Arrays.asList(s.split(" ")));
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        while (words.size() > 1 && LEGAL_FORMS.contains(words.get(0))) {
            words.remove(0);
        }
        return String.join(" ", words);
    }

    /** The registrable host of a website as typed ("https://www.Globex.example:443/about" → "globex.example"). */
    public static Optional<String> domainOfWebsite(String website) {
        if (website == null || website.isBlank()) {
            return Optional.empty();
        }
        String s = website.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        s = cutAt(s, '/');
        s = cutAt(s, '?');
        s = cutAt(s, '#');
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        s = cutAt(s, ':');
        return host(s);
    }

    /** The customer's domain from a contact's e-mail, unless it is a free-mail provider. */
    public static Optional<String> domainOfEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        return host(email.substring(at + 1).trim()).filter(domain -> !FREE_MAIL.contains(domain));
    }

    /** The customer's domain: its website's, else its contact's e-mail's (unless free mail); null when neither tells. */
    public static String domainOf(String website, String contactEmail) {
        return domainOfWebsite(website).or(() -> domainOfEmail(contactEmail)).orElse(null);
    }

    /** Empty, or a website as {@link WebAddresses#isWebsite} reads it. */
    public static boolean isValidWebsite(String website) {
        return website == null || website.isBlank() || WebAddresses.isWebsite(website.strip());
    }

    private static Optional<String> host(String raw) {
        String s = raw.trim();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2 || s.length() > 253) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    private static String cutAt(String s, char c) {
        int i = s.indexOf(c);
        return i >= 0 ? s.substring(0, i) : s;
    }
}
