package org.dealreg.registration.internal;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.dealreg.registration.RegistrationSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A test hook: when armed for a user, the next submission of that user stops inside its transaction, once everything
 * but the commit is done (at its {@link RegistrationSubmitted} event, which the listeners hear in the transaction),
 * until the test releases it. Unarmed, it does nothing.
 */
@Component
public class SubmissionHold {

    private final AtomicReference<Hold> armed = new AtomicReference<>();

    /** Holds the next submission of the user. */
    public Hold arm(UUID submitter) {
        Hold hold = new Hold(submitter);
        if (!armed.compareAndSet(null, hold)) {
            throw new IllegalStateException("A hold is armed already");
        }
        return hold;
    }

    @EventListener
    void on(RegistrationSubmitted e) throws InterruptedException {
        Hold hold = armed.get();
        if (hold != null && hold.submitter.equals(e.submittedBy()) && armed.compareAndSet(hold, null)) {
            hold.reached.countDown();
            if (!hold.released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The held submission was never released");
            }
        }
    }

    public static final class Hold {

        private final UUID submitter;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(UUID submitter) {
            this.submitter = submitter;
        }

        /** Waits until the held submission stopped, its transaction open. */
        public void awaitHeld() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The submission to hold never got there");
            }
        }

        /** Lets the held submission commit. */
        public void release() {
            released.countDown();
        }
    }
}
