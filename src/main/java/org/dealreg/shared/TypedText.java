package org.dealreg.shared;

import java.text.Normalizer;
import java.util.List;

/**
 * What a person typed, as every form and API of the portal accepts it (docs/input.md): the text NFC-normalised and
 * trimmed; NUL and the other C0 and C1 control characters refused; tabs and line breaks only in multi-line fields; a
 * value with no visible character counts as empty (null); a value sent twice refused. Plain Java, so the web edge,
 * the settings page, the CSV import and any later API apply the one rule.
 */
public final class TypedText {

    /** A control character (NUL, escape, bell …) anywhere in the value. */
    public static final String CONTROL = "input.control";
    /** A tab or line break in a field that takes one line. */
    public static final String SINGLE_LINE = "input.singleLine";
    /** The same field sent more than once. */
    public static final String TWICE = "input.twice";

    private TypedText() {
    }

    /**
     * The value to keep: NFC, trimmed, null when nothing visible remains.
     *
     * @throws RulesBroken (with no field: the caller knows it) when the value breaks the rule
     */
    public static String clean(String raw, boolean multiLine) {
        String problem = problem(raw, multiLine);
        if (problem != null) {
            throw RulesBroken.on(null, problem);
        }
        return visibleOrNull(raw);
    }

    /**
     * A value kept exactly as typed ({@link Verbatim}, a password): not normalised nor trimmed, but refused like a
     * one-line field when it holds a control character or a line break.
     */
    public static String asTyped(String raw) {
        String problem = problem(raw, false);
        if (problem != null) {
            throw RulesBroken.on(null, problem);
        }
        return raw;
    }

    /** The one value of a field from everything sent under its name; null when it was not sent. */
    public static String single(List<String> sent, boolean multiLine) {
        if (sent == null || sent.isEmpty()) {
            return null;
        }
        if (sent.size() > 1) {
            throw RulesBroken.on(null, TWICE);
        }
        return clean(sent.get(0), multiLine);
    }

    /** The message code of what is wrong with the value, or null when it may be kept. */
    public static String problem(String raw, boolean multiLine) {
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                if (!multiLine) {
                    return SINGLE_LINE;
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return CONTROL;
            }
        }
        return null;
    }

    private static String visibleOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int start = 0;
        int end = s.length();
        while (start < end && invisible(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && invisible(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return start == end ? null : s.substring(start, end);
    }

    /**
     * Spaces of every kind, line breaks, format characters (zero-width space, joiners, word joiner, byte-order mark,
     * soft hyphen, direction marks) and the fillers that print as nothing.
     */
    private static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return true;
        }
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x180E || cp == 0x2800 || cp == 0x3164
                || cp == 0xFFA0;
    }
}
