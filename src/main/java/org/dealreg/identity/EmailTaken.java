package org.dealreg.identity;

/** An account already has this e-mail address; nothing was created. */
public class EmailTaken extends RuntimeException {

    public EmailTaken() {
        super("An account already has this e-mail address");
    }
}
