package org.dealreg.review.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dealreg.registration.RejectionReason;
import org.dealreg.shared.MultiLine;

/** What a manager's decision posts: the version the manager saw and, to reject, a reason and a comment. */
final class DecisionForms {

    private DecisionForms() {
    }

    /**
     * An approval: the version the manager saw, and, for a registration the check found a likely conflict, that they
     * read the report and approve anyway (issue 18 §6: a likely conflict is never approved by a slip of the finger).
     */
    record ApproveForm(@NotNull Integer version, Boolean conflictChecked) {
    }

    record RejectForm(@NotNull Integer version, @NotNull RejectionReason reason,
            @NotBlank @MultiLine @Size(max = 2000) String comment) {

        static RejectForm empty(int version) {
            return new RejectForm(version, null, "");
        }
    }
}
