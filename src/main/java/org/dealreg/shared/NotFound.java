package org.dealreg.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something the user asked for does not exist for them. Also thrown for another company's data, so
 * that a partner cannot learn that it exists: the answer is a 404 page either way.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
