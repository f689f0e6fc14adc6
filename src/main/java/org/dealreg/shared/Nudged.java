package org.dealreg.shared;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that a commit asks for at once, in the background, and that a schedule also runs as a sweep (the mail
 * outbox, the audit sealer). Nudges coalesce: at most one pass runs on this node, and a nudge during a pass makes it
 * look again once it is done. A pass starts {@code gathering} after the nudge that set it off, so the commits of that
 * moment share one pass (under load, one pass per commit would cost each commit the pass's statements and
 * transaction). A failed pass is logged; the sweep retries.
 */
public final class Nudged {

    private static final Logger log = LoggerFactory.getLogger(Nudged.class);

    private final Executor background;
    private final Runnable pass;
    private final String whatFailed;
    private final long gatheringMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /**
     * @param gathering how long a pass waits after the nudge that starts it, for the commits of that moment to join it
     * @param whatFailed the log line of a failed pass, e.g. "Sealing the audit trail failed; the sweep will retry"
     */
    public Nudged(Executor background, Runnable pass, Duration gathering, String whatFailed) {
        this.background = background;
        this.pass = pass;
        this.gatheringMillis = gathering.toMillis();
        this.whatFailed = whatFailed;
    }

    public void nudge() {
        again.set(true);
        startUnlessRunning();
    }

    private void startUnlessRunning() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            try {
                if (gatheringMillis > 0) {
                    Thread.sleep(gatheringMillis);
                }
                while (again.getAndSet(false)) {
                    pass.run();
                }
            } catch (RuntimeException e) {
                log.warn(whatFailed, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.set(false);
                // a nudge that came after the last look but before this line found the pass still running
                if (again.get()) {
                    startUnlessRunning();
                }
            }
        });
    }

    /**
     * Calls {@code nudge} once the caller's transaction commits (a sender woken for the rows it just wrote); without a
     * transaction, nothing: the sender's schedule finds the rows.
     */
    public static void afterCommit(Runnable nudge) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            nudge.run();
                        }
                    });
        }
    }
}
