package org.dealreg.shared;

/**
 * What an action that needs a reason posts (decline an application or an extension, promote, demote, suspend,
 * reactivate): the reason only, bound like any form so that the edge checks it ({@link TypedText}) and a refusal
 * is a message rather than an error page. Which record the action is about comes from the URL, who acts from the
 * session.
 */
public record ReasonForm(@MultiLine String reason) {

    /** The reason as typed, cleaned; empty when nothing was typed. */
    public String text() {
        return reason == null ? "" : reason;
    }
}
