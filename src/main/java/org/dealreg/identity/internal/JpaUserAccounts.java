package org.dealreg.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.UUID;

import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
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

    JpaUserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return repository.findByEmail(username.trim())
                .map(UserAccountEntity::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        return repository.findAllById(ids).stream()
                .collect(Collectors.toMap(UserAccountEntity::id, u -> u.summary().displayName()));
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
        return repository.findByRoleAndEnabledTrueOrderByEmail(role).stream().map(UserAccountEntity::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> partnerAdmins(UUID partnerId) {
        return repository.findByPartnerIdAndRoleAndEnabledTrueOrderByEmail(partnerId, Role.PARTNER_ADMIN).stream()
                .map(UserAccountEntity::summary).toList();
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
