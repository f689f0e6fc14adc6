package org.dealreg.shared;

/**
 * What a person typed in a list's search box, made safe to use: spaces trimmed and runs of them made one, control
 * characters dropped, cut at {@link #MAX_LENGTH} characters (a longer query is cut, not refused). Empty means no
 * search. What each list matches with it is the list's rule (docs/lists.md).
 */
public record SearchText(String text) {

    public static final int MAX_LENGTH = 200;

    public static SearchText of(String typed) {
        if (typed == null) {
            return new SearchText("");
        }
        String clean = typed.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (clean.length() > MAX_LENGTH) {
            int end = Character.isHighSurrogate(clean.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            clean = clean.substring(0, end).strip();
        }
        return new SearchText(clean);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The text, or null when there is no search (for a URL parameter left out). */
    public String orNull() {
        return isEmpty() ? null : text;
    }

    /** A {@code like … escape '\'} pattern for "contains the text", in lower case. */
    public String containedLowerCase() {
        return "%" + likeEscaped(text.toLowerCase(java.util.Locale.ROOT)) + "%";
    }

    /** {@code s} with {@code like}'s wildcards and its escape character escaped (by {@code \}). */
    public static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
