package org.dealreg.review.internal;

import org.dealreg.conflicts.Verdict;

/**
 * What happens at the deadline to a registration still waiting (DESIGN.md §5, the {@code breach-policy}
 * setting). {@code AUTO_APPROVE_CLEAR}: the programme keeps the vendor's promise by approving a CLEAR
 * registration itself; anything with a possible conflict needs a person, so it is escalated.
 * {@code ESCALATE_ONLY}: every late registration is escalated.
 */
enum BreachPolicy {
    AUTO_APPROVE_CLEAR, ESCALATE_ONLY;

    enum Action { APPROVE, ESCALATE }

    Action at(Verdict verdict) {
        return this == AUTO_APPROVE_CLEAR && verdict == Verdict.CLEAR ? Action.APPROVE : Action.ESCALATE;
    }

    static BreachPolicy of(String setting) {
        return valueOf(setting.trim());
    }
}
