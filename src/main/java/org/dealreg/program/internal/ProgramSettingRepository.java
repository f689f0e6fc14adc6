package org.dealreg.program.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramSettingRepository extends JpaRepository<ProgramSettingEntity, String> {
}
