package org.dealreg.identity.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What the sign-in throttle counts by. An e-mail as typed is kept only as its SHA-256 (a password typed into the
 * e-mail field must not be stored, and a NUL byte must never reach PostgreSQL). An IPv6 address counts by its /64,
 * the block one subscriber is given, so that rotating addresses inside it does not multiply the attempts.
 */
final class LoginKeys {

    private LoginKeys() {
    }

    /** Hex SHA-256 of the e-mail trimmed and lower-cased; the same for every spelling that signs in the same user. */
    static String account(String typedEmail) {
        return InvitationTokens.hash(typedEmail == null ? "" : typedEmail.strip().toLowerCase(Locale.ROOT));
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 prefix; anything else cut to 64 characters. */
    static String address(String remoteAddress) {
        String raw = remoteAddress == null ? "" : remoteAddress;
        if (raw.indexOf(':') < 0 || !raw.matches("[0-9A-Fa-f:.%a-zA-Z]{2,64}")) {
            return raw.length() <= 64 ? raw : raw.substring(0, 64);
        }
        try {
            // a literal: no name is looked up
            InetAddress parsed = InetAddress.getByName(raw.contains("%") ? raw.substring(0, raw.indexOf('%')) : raw);
            if (parsed instanceof Inet6Address) {
                byte[] b = parsed.getAddress();
                return String.format("%x:%x:%x:%x::/64", word(b, 0), word(b, 2), word(b, 4), word(b, 6));
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return raw;
        }
    }

    /** Whether text holds a control character (NUL, a line break …), which no e-mail or password of ours has. */
    static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
