package org.dealreg.partners.internal;

import java.math.BigDecimal;
import java.util.List;

import org.dealreg.partners.SpecializationChanged;
import org.dealreg.partners.SpecializationView;
import org.dealreg.program.ProgrammeChange;
import org.dealreg.shared.Amounts;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme admin's specialisation catalogue: add, rename, set the objective, retire and reactivate, each
 * published for the audit trail in its transaction and announced to every node's {@link SpecializationsSnapshot}.
 * A specialisation is never deleted, since registrations name it.
 */
@Service
class SpecializationCatalogue {

    static final BigDecimal MAX_OBJECTIVE = new BigDecimal("100000000000");

    private final SpecializationRepository repository;
    private final ApplicationEventPublisher events;
    private final ProgrammeChange change;

    SpecializationCatalogue(SpecializationRepository repository, ApplicationEventPublisher events,
            ProgrammeChange change) {
        this.repository = repository;
        this.events = events;
        this.change = change;
    }

    /** Every specialisation, retired ones too, by code. */
    @Transactional(readOnly = true)
    public List<SpecializationView> all() {
        return repository.findAll(Sort.by("code")).stream().map(SpecializationEntity::view).toList();
    }

    @Transactional(readOnly = true)
    public SpecializationView find(String code) {
        return repository.findById(code).map(SpecializationEntity::view).orElseThrow(() -> new NotFound("specialisation"));
    }

    @Transactional
    public void add(SpecializationForm form) {
        if (form.code() == null || form.code().isBlank()) {
            throw RulesBroken.on("code", "admin.specializations.code.required");
        }
        if (!form.code().matches("[A-Z][A-Z_]*")) {
            throw RulesBroken.on("code", "admin.specializations.code.pattern");
        }
        BigDecimal objective = objective(form.objectiveUsd());
        if (repository.existsById(form.code())) {
            throw RulesBroken.on("code", "admin.specializations.code.duplicate");
        }
        SpecializationEntity entity = repository.save(
                new SpecializationEntity(form.code(), form.nameEn().trim(), form.nameFr().trim(), objective));
        publish(entity, "ADDED");
    }

    /** Renames it and sets its objective; publishes one event per kind of change that really changes something. */
    @Transactional
    public void change(String code, SpecializationForm form) {
        BigDecimal objective = objective(form.objectiveUsd());
        SpecializationEntity entity = repository.findById(code).orElseThrow(() -> new NotFound("specialisation"));
        SpecializationView before = entity.view();
        String nameEn = form.nameEn().trim();
        String nameFr = form.nameFr().trim();
        if (!before.nameEn().equals(nameEn) || !before.nameFr().equals(nameFr)) {
            entity.rename(nameEn, nameFr);
            publish(entity, "RENAMED");
        }
        if (before.objectiveUsd().compareTo(objective) != 0) {
            entity.setObjective(objective);
            publish(entity, "OBJECTIVE_SET");
        }
    }

    @Transactional
    public void setActive(String code, boolean active) {
        SpecializationEntity entity = repository.findById(code).orElseThrow(() -> new NotFound("specialisation"));
        if (entity.view().active() == active) {
            return;
        }
        if (active) {
            entity.reactivate();
        } else {
            entity.retire();
        }
        publish(entity, active ? "REACTIVATED" : "RETIRED");
    }

    private void publish(SpecializationEntity entity, String what) {
        SpecializationView view = entity.view();
        change.announce();
        events.publishEvent(new SpecializationChanged(view.code(), what, view.nameEn(), view.nameFr(),
                view.objectiveUsd()));
    }

    /**
     * A whole number of US dollars or one with cents, zero or more, read as every amount in the portal is
     * ({@link Amounts}): "1,500,000", "1 500 000,00" and "1500000.00" are the same objective.
     */
    static BigDecimal objective(String typed) {
        BigDecimal objective = Amounts.parse(typed == null ? null : typed.trim())
                .orElseThrow(() -> RulesBroken.on("objectiveUsd", "admin.specializations.objective.invalid"));
        if (objective.signum() < 0 || objective.compareTo(MAX_OBJECTIVE) >= 0 || objective.stripTrailingZeros().scale() > 2) {
            throw RulesBroken.on("objectiveUsd", "admin.specializations.objective.invalid");
        }
        return objective.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
