package org.dealreg.identity.internal;

import java.util.List;
import java.util.UUID;

import org.dealreg.identity.PartnerUsers;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccessChanged;
import org.dealreg.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every query names the company, so a user id of another company is simply not found. */
@Service
class JpaPartnerUsers implements PartnerUsers {

    private final UserAccountRepository repository;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    JpaPartnerUsers(UserAccountRepository repository, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Member> members(UUID partnerId) {
        return jdbc.query("""
                select id, email, display_name, role, enabled, password_set from app_user
                where partner_id = ? order by lower(display_name), lower(email)""",
                (rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), !rs.getBoolean("password_set")),
                partnerId);
    }

    @Override
    @Transactional
    public void setActive(UUID partnerId, UUID userId, boolean active, UUID changedBy) {
        UserAccountEntity user = repository.findById(userId)
                .filter(u -> partnerId != null && partnerId.equals(u.partnerId()))
                .orElseThrow(() -> new NotFound("User"));
        if (user.enabled() != active) {
            user.setEnabled(active);
            events.publishEvent(new UserAccessChanged(userId, partnerId, active, changedBy));
        }
    }
}
