package org.dealreg.accounts.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Only the owner rep records or ends an engagement on an account. */
@ResponseStatus(HttpStatus.FORBIDDEN)
class NotYourAccount extends RuntimeException {

    NotYourAccount() {
        super("Only the account's owner may change its engagement");
    }
}
