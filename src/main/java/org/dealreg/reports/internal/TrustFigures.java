package org.dealreg.reports.internal;

import java.time.Duration;

/**
 * The programme's trust figures for one region (or all of them) over a period. The median and the 95th
 * percentile are null when nothing was decided; a share that counts nothing is unknown.
 */
public record TrustFigures(int submitted, int decided, int waiting, int withdrawn, Duration medianDecisionTime,
        Duration p95DecisionTime, Share decidedWithin24Hours, Share decidedWithin48Hours, Share approvedByProgramme) {
}
