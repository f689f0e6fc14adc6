package org.dealreg;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the invitation link from the newest invitation e-mail to an address, as its recipient would. */
public final class InvitationLinks {

    private static final Pattern LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})");

    private InvitationLinks() {
    }

    /** The path of the link, {@code /invitations/<token>}. */
    public static String latestFor(JdbcTemplate jdbc, String email) {
        List<String> bodies = jdbc.queryForList("select body from mail_outbox where lower(to_address) = lower(?) "
                + "and body like '%/invitations/%' order by created_at desc, id limit 1", String.class, email);
        if (bodies.isEmpty()) {
            throw new AssertionError("No invitation e-mail to " + email);
        }
        Matcher m = LINK.matcher(bodies.get(0));
        if (!m.find()) {
            throw new AssertionError("No invitation link in the e-mail to " + email);
        }
        return "/invitations/" + m.group(1);
    }
}
