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

    record ApproveForm(@NotNull Integer version) {
    }

    record RejectForm(@NotNull Integer version, @NotNull RejectionReason reason,
            @NotBlank @MultiLine @Size(max = 2000) String comment) {

        static RejectForm empty(int version) {
            return new RejectForm(version, null, "");
        }
    }
}
