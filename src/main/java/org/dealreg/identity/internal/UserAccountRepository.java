package org.dealreg.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dealreg.identity.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccountEntity, UUID> {

    @Query("select u from UserAccountEntity u where lower(u.email) = lower(?1)")
    Optional<UserAccountEntity> findByEmail(String email);

    List<UserAccountEntity> findByRoleAndEnabledTrueOrderByEmail(Role role);

    List<UserAccountEntity> findByPartnerIdAndRoleAndEnabledTrueOrderByEmail(UUID partnerId, Role role);

    @Query("select u from UserAccountEntity u where u.enabled = true and (u.id = ?1 or u.role = ?2) order by u.email")
    List<UserAccountEntity> findEnabledByIdOrRole(UUID id, Role role);
}
