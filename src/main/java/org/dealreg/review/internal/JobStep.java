package org.dealreg.review.internal;

import java.util.UUID;
import java.util.function.Supplier;

import org.dealreg.registration.AlreadyDecided;
import org.slf4j.Logger;

/**
 * One registration's step in a job's pass. Someone acting on it first is normal; any other failure is logged and
 * the pass goes on, so one registration that cannot be handled never holds back all the others.
 */
final class JobStep {

    private JobStep() {
    }

    /** @return whether the step acted */
    static boolean attempt(Logger log, String job, UUID id, Supplier<Boolean> step) {
        try {
            return step.get();
        } catch (AlreadyDecided actedMeanwhile) {
            return false;
        } catch (RuntimeException e) {
            log.error("{}: registration {} could not be handled; the next pass tries again", job, id, e);
            return false;
        }
    }
}
