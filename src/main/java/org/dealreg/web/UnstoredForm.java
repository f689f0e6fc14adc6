package org.dealreg.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;

/**
 * A form a module shows again, with what was typed, when its submission could not be stored because the database
 * was unreachable. The portal's 503 page asks each of these whether it owns the form that was posted; the page is
 * drawn while the database is away, so it must not need it (nor know who is signed in: the session is in the
 * database too). The page says the submission was not stored; the form posts to the same address with the same
 * CSRF token, so it succeeds once the database is back.
 */
public interface UnstoredForm {

    /** Whether this is the form that a POST to {@code path} (within the portal) submitted. */
    boolean submittedTo(String path);

    /** Puts the form, filled with what the request carried, into the model; answers the view that shows it. */
    String show(HttpServletRequest request, Model model);
}
