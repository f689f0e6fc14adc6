package org.dealreg.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.identity.PartnerUsers;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccessChanged;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.Paging;
import org.springframework.data.domain.Page;
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

    private static final String SELECT = "select id, email, display_name, role, enabled, password_set from app_user ";

    /** E-mail addresses are unique whatever their case: the order is stable (V35's index holds it). */
    @Override
    @Transactional(readOnly = true)
    public Page<Member> members(UUID partnerId, int page, int size) {
        return Paging.page(page, size,
                () -> jdbc.queryForObject("select count(*) from app_user where partner_id = ?", Long.class, partnerId),
                (offset, limit) -> jdbc.query(SELECT + "where partner_id = ? "
                        + "order by lower(display_name), lower(email) limit ? offset ?", JpaPartnerUsers::member,
                        partnerId, limit, offset));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Member> member(UUID partnerId, UUID userId) {
        return jdbc.query(SELECT + "where partner_id = ? and id = ?", JpaPartnerUsers::member, partnerId, userId)
                .stream().findFirst();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), !rs.getBoolean("password_set"));
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
