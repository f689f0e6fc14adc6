package org.dealreg.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccountEntity, UUID> {

    @Query("select u from UserAccountEntity u where lower(u.email) = lower(?1)")
    Optional<UserAccountEntity> findByEmail(String email);
}
