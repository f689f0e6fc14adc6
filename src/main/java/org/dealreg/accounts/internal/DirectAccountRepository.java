package org.dealreg.accounts.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DirectAccountRepository extends JpaRepository<DirectAccountEntity, UUID> {

    Optional<DirectAccountEntity> findByCrmId(String crmId);
}
