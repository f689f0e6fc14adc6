package org.dealreg.shared;

import java.util.UUID;

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

    /** The id in a URL; one that is not a UUID names nothing, so it is a 404 like any unknown id. */
    public static UUID id(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what);
        }
    }
}
