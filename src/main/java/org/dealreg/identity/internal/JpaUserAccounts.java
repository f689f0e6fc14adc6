package org.dealreg.identity.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaUserAccounts implements UserAccounts, UserDetailsService {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    JpaUserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (LoginKeys.hasControlCharacters(username)) {
            // no account has one, and PostgreSQL refuses a NUL byte: the ordinary wrong-password answer
            throw new UsernameNotFoundException("No such user");
        }
        return repository.findByEmail(username.trim())
                .map(user -> user.toCurrentUser(maySignIn(user.id())))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /**
     * Whether the user may use the portal now: enabled, with a password of their own (not an invitation still
     * waiting), and, for a partner user, of an ACTIVE company. The company's status is read with SQL here because
     * identity may not depend on the partners module. A refused user gets the ordinary sign-in failure, and the
     * session of one who is signed in ends on their next request (StillAllowedFilter).
     */
    @Transactional(readOnly = true)
    public boolean maySignIn(UUID userId) {
        return Boolean.TRUE.equals(jdbc.query("select " + MAY_SIGN_IN + " from app_user u where u.id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : false, userId));
    }

    private static final String MAY_SIGN_IN = """
            u.enabled and u.password_set
            and (u.partner_id is null or exists (select 1 from partner p where p.id = u.partner_id and p.status = 'ACTIVE'))""";

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentUser> allowedNow(UUID id) {
        return jdbc.query("select id, email, display_name, role, partner_id, locale, time_zone from app_user u where id = ? and "
                + MAY_SIGN_IN, rs -> rs.next() ? Optional.of(new CurrentUser(rs.getObject("id", UUID.class),
                        rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getObject("partner_id", UUID.class), ZoneId.of(rs.getString("time_zone")),
                        Locale.forLanguageTag(rs.getString("locale")), true, null)) : Optional.empty(), id);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // SQL rather than entities: Hibernate translates a query with a list of ids anew on every call
        Map<UUID, String> names = new HashMap<>();
        jdbc.query("select id, display_name from app_user where id = any(?)",
                rs -> { names.put(rs.getObject("id", UUID.class), rs.getString("display_name")); },
                (Object) ids.toArray(UUID[]::new));
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserSummary> findByEmail(String email) {
        return repository.findByEmail(email.trim()).map(UserAccountEntity::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserSummary> find(UUID id) {
        return repository.findById(id).filter(UserAccountEntity::enabled).map(UserAccountEntity::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> withRole(Role role) {
        return summaries("enabled and role = ?", role.name());
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> withIdOrRole(UUID id, Role role) {
        return summaries("enabled and (id = ? or role = ?)", id, role.name());
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> partnerAdmins(UUID partnerId) {
        return summaries("enabled and partner_id = ? and role = ?", partnerId, Role.PARTNER_ADMIN.name());
    }

    /**
     * The enabled users a message goes to, read with SQL: a submission tells its channel managers, and reading them
     * as entities inside its transaction (loaded, then checked for changes at its commit) was a seventh of its CPU.
     */
    private List<UserSummary> summaries(String where, Object... arguments) {
        return jdbc.query("select id, email, display_name, role, partner_id, locale, time_zone from app_user where "
                + where + " order by email", (rs, n) -> new UserSummary(rs.getObject("id", UUID.class),
                        rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getObject("partner_id", UUID.class), Locale.forLanguageTag(rs.getString("locale")),
                        ZoneId.of(rs.getString("time_zone"))), arguments);
    }

    @Override
    @Transactional
    public UUID create(NewUser user) {
        if (user.role().isPartner() != (user.partnerId() != null)) {
            throw new IllegalArgumentException("Partner roles belong to a company; staff roles never do");
        }
        UserAccountEntity entity = new UserAccountEntity(user.email(), passwordEncoder.encode(user.rawPassword()),
                user.displayName(), user.role(), user.partnerId(), user.locale(), user.zone(), clock.instant());
        return repository.save(entity).id();
    }
}
